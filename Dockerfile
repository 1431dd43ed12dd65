# syntax=docker/dockerfile:1.7
# Multi-stage build of the Tag Compliance Cloud server. The image runs the production build (one ES
# module, apps/server/scripts/build.ts) under plain node, not the TypeScript under tsx: with its V8
# flags and malloc settings, RSS at start-up ~440 -> ~170 MiB (README "Performance"). It keeps the
# repo's layout under /app, because the bundle finds the migrations and CloudFormation templates by
# their paths relative to apps/server/dist.

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
 && pnpm --filter @tagc/server build \
 && pnpm --filter @tagc/server deploy --prod --legacy /out

FROM node:24-bookworm-slim AS runtime
# NODE_COMPILE_CACHE: V8's code cache of the bundle, primed below at the path it runs from.
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0 MIGRATIONS_DIR=/app/migrations \
    NODE_COMPILE_CACHE=/app/apps/server/dist/compile-cache
# glibc's malloc: two arenas, large buffers returned on free (apps/server/scripts/node-flags.ts says why).
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
# The deployed package's node_modules holds what the bundle leaves out (PGlite, pino, Scalar's assets).
COPY --from=build /out /app/apps/server
COPY --from=build /app/apps/server/dist/index.mjs /app/apps/server/dist/index.mjs
COPY --from=build /app/apps/server/dist/index.mjs.map /app/apps/server/dist/index.mjs.map
COPY --from=build /app/migrations /app/migrations
COPY --from=build /app/cloudformation/*.yaml /app/cloudformation/
# The same V8 flags as the CMD: a code cache is only taken by a process whose flags match.
RUN TAGC_PRIME_COMPILE_CACHE=1 node --max-semi-space-size=8 --heap-growing-percent=50 apps/server/dist/index.mjs
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The V8 flags: apps/server/scripts/node-flags.ts says why (the priming run above takes the same).
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=50", "apps/server/dist/index.mjs"]
