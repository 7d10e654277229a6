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

  // One next page at a time: two triggers at once (加载更多 and reaching the bottom of the page) would
  // both read the page after the same cursor and list it twice.
  const loadingMore = useRef(false);
  const cursorRef = useRef(nextCursor);
  cursorRef.current = nextCursor;
  const loadMore = useCallback(async () => {
    const cursor = cursorRef.current;
    if (!cursor || loadingMore.current) return;
    loadingMore.current = true;
    setLoading(true);
    try {
      const page = await fetchRef.current(cursor);
      setItems((current) => [...current, ...page.items]);
      cursorRef.current = page.nextCursor;
      setNextCursor(page.nextCursor);
    } finally {
      loadingMore.current = false;
      setLoading(false);
    }
  }, []);

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
