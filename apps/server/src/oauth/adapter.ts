// oidc-provider's Adapter over the services' record store (one table, bearer ids hashed there).
import { type OAuthRecordStore, oauthRecordStore, type ServiceDeps } from "@tagc/services";
import type { Adapter, AdapterConstructor, AdapterPayload } from "oidc-provider";

export function oauthAdapter(services: ServiceDeps): AdapterConstructor {
  return class DatabaseAdapter implements Adapter {
    private readonly store: OAuthRecordStore;
    constructor(kind: string) {
      this.store = oauthRecordStore(services.db, kind);
    }
    upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      return this.store.upsert(id, { ...payload }, expiresIn);
    }
    find(id: string) {
      return this.store.find(id) as Promise<AdapterPayload | undefined>;
    }
    // No device flow: there are no user codes.
    async findByUserCode() {
      return undefined;
    }
    findByUid(uid: string) {
      return this.store.findByUid(uid) as Promise<AdapterPayload | undefined>;
    }
    consume(id: string) {
      return this.store.consume(id);
    }
    destroy(id: string) {
      return this.store.destroy(id);
    }
    revokeByGrantId(grantId: string) {
      return this.store.revokeByGrantId(grantId);
    }
  };
}
