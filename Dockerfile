# syntax=docker/dockerfile:1.7
# Multi-stage build of the Tag Compliance Cloud server. The workspace runs TypeScript source through
# tsx (the packages export .ts), so the image carries the pruned workspace rather than a bundle.

FROM node:24-bookworm-slim AS base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@10.34.9
WORKDIR /app

# Dependencies only: cached until the lockfile changes.
FROM base AS deps
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY patches ./patches
RUN pnpm fetch --frozen-lockfile

FROM deps AS build
COPY . .
RUN pnpm install --frozen-lockfile --offline \
 && pnpm --filter @tagc/server typecheck \
 && pnpm --filter @tagc/server deploy --prod --legacy /out

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0 MIGRATIONS_DIR=/app/migrations
WORKDIR /app
COPY --from=build /out ./
COPY --from=build /app/migrations /app/migrations
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/index.ts"]
