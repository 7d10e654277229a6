/** The time source handlers and domain functions take as an argument. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
