/** The upstream could not be read; `transient` failures were already retried. */
export class FetchError extends Error {
  override name = "FetchError";
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}
