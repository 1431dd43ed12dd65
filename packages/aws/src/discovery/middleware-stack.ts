/**
 * The one part of an SDK client's or command's middleware stack this package uses (adding a step),
 * narrowed so callers need not spell the SDK's generic middleware types.
 */
export interface WithMiddlewareStack<Step extends string> {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: object,
      ) => (args: unknown) => Promise<unknown>,
      options: { step: Step; name: string },
    ): void;
  };
}
