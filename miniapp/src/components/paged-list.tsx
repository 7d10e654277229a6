import { Button, View } from '@tarojs/components';
import { useCallback, useRef, useState } from 'react';
import type { ListPage } from '../lib/api';

/**
 * A list read page by page: `reload()` reads the first page, `loadMore()` the next one with the
 * cursor the last page gave. Errors are thrown to the caller, which shows them as it does now.
 */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<ListPage<T>>) {
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const shown = useRef(0);
  shown.current = items.length;

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const page = await fetchRef.current(null);
      setItems(page.items);
      setNextCursor(page.nextCursor);
    } finally {
      setLoading(false);
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    setLoading(true);
    try {
      const page = await fetchRef.current(nextCursor);
      setItems((current) => [...current, ...page.items]);
      setNextCursor(page.nextCursor);
    } finally {
      setLoading(false);
    }
  }, [nextCursor]);

  /** Reads the list again from the first page, as far as it had been loaded (a poll, or after a change). */
  const refresh = useCallback(async () => {
    const want = shown.current;
    const fresh: T[] = [];
    let cursor: string | null = null;
    do {
      const page: ListPage<T> = await fetchRef.current(cursor);
      fresh.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && fresh.length < want);
    setItems(fresh);
    setNextCursor(cursor);
  }, []);

  return { items, setItems, hasMore: nextCursor !== null, loading, reload, loadMore, refresh };
}

/** 加载更多 under a paged list, while there is more. */
export function LoadMore(props: { hasMore: boolean; loading: boolean; onLoad(): void; testId?: string }) {
  if (!props.hasMore) return null;
  return (
    <View className="load-more">
      <Button size="mini" className="btn-plain" data-testid={props.testId ?? 'load-more'} disabled={props.loading} onClick={props.onLoad}>
        {props.loading ? '加载中…' : '加载更多'}
      </Button>
    </View>
  );
}
