// Binary files imported as bytes: esbuild's `binary` loader in the bundle (serverless.yml
// custom.esbuild.loader), the `binary-import` plugin in vitest.config.ts under test.
declare module '*.bin' {
  const bytes: Uint8Array;
  export default bytes;
}

// Minimal types for pngjs (no bundled types): whole images in and out.
declare module 'pngjs' {
  export class PNG {
    constructor(options?: { width?: number; height?: number });
    width: number;
    height: number;
    data: Buffer;
    static sync: { read(buffer: Buffer): PNG; write(png: PNG, options?: { colorType?: number }): Buffer };
  }
}
