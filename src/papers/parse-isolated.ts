import { Worker } from "node:worker_threads";
import { z } from "zod";
import type { PaperList } from "./model.js";
import { ListParseError } from "./parse-list.js";

/** Bounds on reading one upstream list: wall time and the reader's heap. */
export interface ReadLimits {
  timeoutMs: number;
  maxHeapMb: number;
}

// A 5 MB list, the most the fetch accepts, parses in a few seconds here; a hostile one is cut off.
export const DEFAULT_READ_LIMITS: ReadLimits = { timeoutMs: 20_000, maxHeapMb: 512 };

const WorkerAnswerSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), list: z.custom<PaperList>((v) => typeof v === "object" && v !== null && Array.isArray((v as PaperList).papers)) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type WorkerAnswer = z.infer<typeof WorkerAnswerSchema>;

/** The worker runs compiled JavaScript; from the sources (tsx, vitest) it loads them through tsx. */
function startWorker(markdown: string, limits: ReadLimits): Worker {
  const options = { workerData: markdown, resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb } };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./parse-worker.js", import.meta.url), options);
  const entry = JSON.stringify(new URL("./parse-worker.ts", import.meta.url).href);
  return new Worker(`import { register } from "tsx/esm/api"; register(); await import(${entry});`, { ...options, eval: true });
}

/**
 * parseList in a worker thread that lives for one list. Upstream text is
 * untrusted: a pathological document costs the worker seconds and memory, not
 * the bot's event loop, and one that overruns the limits is refused like any
 * unreadable list. Settles once the worker is gone, its transient memory with it.
 */
export function parseListIsolated(markdown: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<PaperList> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(markdown, limits);
    let outcome: (() => void) | undefined;
    const finish = (settle: () => void) => {
      if (outcome) return;
      outcome = settle;
      void worker.terminate();
    };
    const refuse = (message: string) => finish(() => reject(new ListParseError(message)));
    const timer = setTimeout(() => refuse(`reading the list took longer than ${limits.timeoutMs / 1000} s`), limits.timeoutMs);
    worker.once("message", (message: unknown) => {
      const answer = WorkerAnswerSchema.safeParse(message);
      if (!answer.success) refuse("the list reader gave an answer that is not a list");
      else if (answer.data.ok) {
        const { list } = answer.data;
        finish(() => resolve(list));
      } else refuse(answer.data.message);
    });
    worker.once("error", (error: Error & { code?: string }) =>
      refuse(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `reading the list needed more than ${limits.maxHeapMb} MB` : `the list reader failed (${error.message})`),
    );
    worker.once("exit", (code) => {
      clearTimeout(timer);
      (outcome ?? (() => reject(new ListParseError(`the list reader stopped (exit code ${code}) without an answer`))))();
    });
  });
}
