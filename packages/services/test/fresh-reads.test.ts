// The memos' shared miss (cache/fresh-reads.ts `missed`): when an entry expires under load, the
// concurrent misses of one key make one read, not one each; a miss never takes a read that a change
// it could see (a forget here, an epoch bump anywhere) should have replaced; and two tenants' keys
// never share a read.
import { describe, expect, it } from "vitest";
import { FreshReads } from "../src/cache/fresh-reads";

/** A read the test lets finish when it likes, counting how many were started. */
function gatedReads<V>() {
  const started: string[] = [];
  const gates: Array<() => void> = [];
  const read = (key: string, value: V, store: (value: V) => void) => async () => {
    started.push(key);
    await new Promise<void>((resolve) => gates.push(resolve));
    store(value);
    return value;
  };
  const openAll = async () => {
    // Let every waiter reach its await before the reads end.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const open of gates.splice(0)) open();
  };
  return { started, read, openAll };
}

describe("FreshReads: concurrent misses", () => {
  it("share one read per key, and each tenant's key gets its own value", async () => {
    const memo = new FreshReads<string>({ ttlMs: 60_000 });
    const { started, read, openAll } = gatedReads<string>();
    const readOf = (client: string) => {
      const readAt = { generation: memo.generation, epoch: undefined };
      return read(client, `${client}-settings`, (v) => memo.set(client, client, v, readAt));
    };
    const calls = [
      ...Array.from({ length: 20 }, () => memo.getOrRead("acme", readOf("acme"))),
      ...Array.from({ length: 20 }, () => memo.getOrRead("globex", readOf("globex"))),
    ];
    await openAll();
    const values = await Promise.all(calls);
    expect(started.sort()).toEqual(["acme", "globex"]);
    expect(values.slice(0, 20)).toEqual(Array(20).fill("acme-settings"));
    expect(values.slice(20)).toEqual(Array(20).fill("globex-settings"));
  });

  it("does not hand a miss the running read when a forget overtook it: that miss reads again", async () => {
    const memo = new FreshReads<string>({ ttlMs: 60_000 });
    const { started, read, openAll } = gatedReads<string>();
    let version = "old";
    const readOf = () => {
      const readAt = { generation: memo.generation, epoch: undefined };
      const value = version;
      return read("acme", value, (v) => memo.set("acme", "acme", v, readAt));
    };
    const first = memo.getOrRead("acme", readOf());
    // The policy changes here while the first read runs: a call after the change must see it.
    version = "new";
    memo.forgetClient("acme");
    const after = memo.getOrRead("acme", readOf());
    await openAll();
    await openAll();
    expect(await first).toBe("old");
    expect(await after).toBe("new");
    expect(started).toHaveLength(2);
  });

  it("reads again for a miss whose epoch (another replica's change) differs from the running read's", async () => {
    let epoch = 1;
    const memo = new FreshReads<string>({ ttlMs: 60_000, epochOf: async () => epoch });
    const { started, read, openAll } = gatedReads<string>();
    const readOf = (readAt: { generation: number; epoch: number | undefined }, value: string) =>
      read("acme", value, (v) => memo.set("acme", "acme", v, readAt));
    const at1 = { generation: memo.generation, epoch: await memo.epoch("acme") };
    const first = memo.getOrRead("acme", readOf(at1, "before"), at1);
    epoch = 2;
    const at2 = { generation: memo.generation, epoch: await memo.epoch("acme") };
    const after = memo.getOrRead("acme", readOf(at2, "after"), at2);
    await openAll();
    await openAll();
    expect(await first).toBe("before");
    expect(await after).toBe("after");
    expect(started).toHaveLength(2);
  });

  it("reads again when the running read stored nothing (a refused key) or failed", async () => {
    const memo = new FreshReads<string>({ ttlMs: 60_000 });
    let reads = 0;
    let fail = true;
    const read = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) {
        fail = false;
        throw new Error("database went away");
      }
      return "unstored";
    };
    const first = memo.missed("k", read);
    const second = memo.missed("k", read);
    await expect(first).rejects.toThrow("database went away");
    expect(await second).toEqual({ read: "unstored" });
    expect(reads).toBe(2);
  });

  describe("while a refresh runs", () => {
    /** A memo holding "v1" for acme, read at epoch 1, now expired; the refresh will read "v2". */
    async function expired(options: { graceOver?: boolean } = {}) {
      let t = 0;
      let epoch = 1;
      const memo = new FreshReads<string>({ ttlMs: 1_000, clock: () => t, epochOf: async () => epoch });
      memo.set("acme", "acme", "v1", { generation: memo.generation, epoch: 1 });
      t += options.graceOver ? 2_000 : 1_500;
      const { started, read, openAll } = gatedReads<string>();
      const refresh = async () => {
        const readAt = { generation: memo.generation, epoch: await memo.epoch("acme") };
        return memo.getOrRead(
          "acme",
          read("acme", "v2", (v) => memo.set("acme", "acme", v, readAt)),
        );
      };
      return { memo, started, openAll, refresh, bump: () => (epoch += 1) };
    }

    /** Whether the call answered before the refresh's read was let finish, and with what. */
    async function race(call: Promise<string>, openAll: () => Promise<void>) {
      let early: string | undefined;
      void call.then((v) => {
        early ??= v;
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
      const before = early;
      await openAll();
      await openAll();
      return { before, value: await call };
    }

    it("answers the other misses with the value just expired: only the refreshing call waits", async () => {
      const { memo, started, openAll, refresh } = await expired();
      const leader = refresh();
      const other = await race(refresh(), openAll);
      expect(other.before).toBe("v1");
      expect(await leader).toBe("v2");
      expect(await memo.get("acme")).toBe("v2");
      expect(started).toHaveLength(1);
    });

    it("never after a forget, under another epoch, or more than a TTL past expiry: those wait", async () => {
      const forgot = await expired();
      void forgot.refresh();
      forgot.memo.forgetClient("acme");
      expect((await race(forgot.refresh(), forgot.openAll)).before).toBeUndefined();

      const bumped = await expired();
      void bumped.refresh();
      bumped.bump();
      const afterBump = await race(bumped.refresh(), bumped.openAll);
      expect(afterBump.before).toBeUndefined();
      expect(afterBump.value).toBe("v2");

      const old = await expired({ graceOver: true });
      void old.refresh();
      const late = await race(old.refresh(), old.openAll);
      expect(late.before).toBeUndefined();
      expect(late.value).toBe("v2");
    });
  });
});
