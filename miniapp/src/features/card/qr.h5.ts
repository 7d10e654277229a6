/** The qrcode package is a chunk of its own: the card page paints without it, and fetches it beside the card. */
let lib: Promise<typeof import('qrcode')> | null = null;
const qrcode = () => {
  lib ??= import('qrcode').catch((e: unknown) => {
    lib = null;
    throw e;
  });
  return lib;
};

/** Starts fetching the QR code library without waiting for it (called as the card is requested). */
export const preloadQr = (): void => {
  qrcode().catch(() => undefined);
};

/** A PNG data URL of the token, drawn by the qrcode package on a canvas. */
export const qrImageSource = async (text: string): Promise<string> => {
  const { toDataURL } = await qrcode();
  return toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 480, color: { dark: '#000000', light: '#ffffff' } });
};
