import type { SettingsStore } from "../ports.js";

/** Settings held in memory only: for tests and one-shot CLI runs. */
export class MemorySettings implements SettingsStore {
  private readonly values = new Map<string, string>();

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  set(key: string, value: string): void {
    this.values.set(key, value);
  }
}
