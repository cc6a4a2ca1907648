// Worker entry of parseListIsolated: parses one list and answers once.
import { parentPort, workerData } from "node:worker_threads";
import { ListParseError, parseList } from "./parse-list.js";
import type { WorkerAnswer } from "./parse-isolated.js";

function answer(): WorkerAnswer {
  try {
    return { ok: true, list: parseList(String(workerData)) };
  } catch (error) {
    // A parser failure that is not a ListParseError (a stack overflow, a bug) still only means "this list cannot be read".
    return { ok: false, message: error instanceof ListParseError ? error.message : `the list could not be read (${String(error)})` };
  }
}

parentPort?.postMessage(answer());
