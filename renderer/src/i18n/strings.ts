/** The shape every language must fill: the same keys as the Chinese strings, each a string. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }
