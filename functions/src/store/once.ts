/**
 * A value made on first use and kept: `const thing = once(() => make())`, then `thing()`. The store's
 * entities are built this way (issue 14): building a dynamodb-toolbox Entity checks its whole schema,
 * 0.3–2 ms each, and a bundle holds every entity its repositories name while a request uses a few.
 */
export const once = <T>(make: () => T): (() => T) => {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
};
