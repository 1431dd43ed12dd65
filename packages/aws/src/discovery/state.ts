// What a scan has found so far and how each of its tasks went. Everything lands here as it
// arrives, so a scan stopped by its deadline still returns every resource it has seen.
import { DeadlineExceeded } from "./deadline";
import type { ListedResource } from "./listers";
import type { TaggedResource } from "./tagging-walk";

export type TaskStatus = "pending" | "done" | "failed";

export interface Task {
  region: string;
  /** "walk": the region's Tagging walk; otherwise the catalog type of a lister. */
  kind: "walk" | "lister";
  type?: string;
  /** The types the walk covers (walk tasks only). */
  walkTypes?: readonly string[];
  actions?: readonly string[];
  status: TaskStatus;
  error?: unknown;
  /** The task failed because the deadline passed (the error is then only the cancellation). */
  timedOut?: boolean;
}

export class ScanState {
  readonly tagged = new Map<string, TaggedResource>();
  readonly listed = new Map<string, ListedResource>();
  readonly excluded = new Set<string>();
  readonly tasks: Task[] = [];
  readonly regionPages = new Map<string, number>();
  readonly regionStart = new Map<string, number>();
  readonly regionEnd = new Map<string, number>();

  task(fields: Omit<Task, "status">): Task {
    const task: Task = { ...fields, status: "pending" };
    this.tasks.push(task);
    return task;
  }

  /** Runs a task's work and records how it ended; never throws. */
  async run(task: Task, work: () => Promise<void>, deadlinePassed: () => boolean): Promise<void> {
    try {
      await work();
      task.status = "done";
    } catch (error) {
      task.status = "failed";
      task.error = error;
      task.timedOut = error instanceof DeadlineExceeded || deadlinePassed();
    }
  }

  addPage(region: string): void {
    this.regionPages.set(region, (this.regionPages.get(region) ?? 0) + 1);
  }
}
