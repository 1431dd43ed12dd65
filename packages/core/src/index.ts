export * from "./catalog";
export type * from "./model";
export type * from "./policy/types";
