/**
 * Platform wrapper: the Taro APIs that differ between WeChat and the browser.
 * Taro picks platform.weapp.ts or platform.h5.ts at build time; this file is the
 * shared contract (and what TypeScript sees).
 */
import type { RandomSource } from './secure-random';

export interface Platform {
  /** 'weapp' or 'h5' */
  kind: 'weapp' | 'h5';
  /** Scans a QR code and returns its text (weapp: camera; h5: asks for the text). */
  scanCode(): Promise<string>;
  /** The sign-in proof for this platform: a WeChat login code, or none (h5 uses the dev sign-in page). */
  loginCode(): Promise<string | null>;
  getItem<T>(key: string): T | null;
  setItem(key: string, value: unknown): void;
  removeItem(key: string): void;
  /**
   * A cryptographically secure random source, or null where the platform has none (keys are
   * then refused: see secure-random.ts — never Math.random).
   */
  randomSource(): RandomSource | null;
  openLocation(place: { latitude: number; longitude: number; name: string; address: string }): Promise<void>;
  /**
   * One HTTP request: weapp `Taro.request`; h5 the browser's fetch, so the h5 build carries none of the
   * polyfills behind Taro's h5 request (fetch, AbortController, JSONP). `data` is the body as text, or
   * on weapp already parsed when it is JSON and `text` is not set. Rejects only when no answer came.
   */
  request(req: HttpRequest): Promise<{ status: number; data: unknown }>;
  /**
   * The page the app opens on, read before any page has loaded (`pages/card/index`), or null where the
   * app cannot tell that early: weapp, whose main-package pages load with the app anyway.
   */
  launchPath(): string | null;
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
  /** Keep the answer as text (weapp parses JSON by default). */
  text?: boolean;
}

export { platform } from './platform.h5';
