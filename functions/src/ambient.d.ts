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
