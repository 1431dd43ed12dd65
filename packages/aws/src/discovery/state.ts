// What a scan has found so far and how each of its tasks went. Everything lands here as it
// arrives, so a scan stopped by its deadline still returns every resource it has seen.
import { DeadlineExceeded } from "./deadline";
import type { ListedResource } from "./listers";
import type { TaggedResource } from "./tagging-walk";
import type { DiscoveryProgress } from "./types";

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
  private done = 0;
  private pages = 0;

  constructor(private readonly onProgress?: (progress: DiscoveryProgress) => void) {}

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
    this.done += 1;
    this.report();
  }

  addPage(region: string): void {
    this.regionPages.set(region, (this.regionPages.get(region) ?? 0) + 1);
    this.pages += 1;
    this.report();
  }

  private report(): void {
    if (!this.onProgress) return;
    const records = this.tagged.size + this.listed.size;
    try {
      this.onProgress({ tasksDone: this.done, tasksTotal: this.tasks.length, pages: this.pages, records });
    } catch {
      // Progress is a courtesy to the caller; a closed stream must not fail the scan.
    }
  }
}
