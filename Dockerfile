# syntax=docker/dockerfile:1
# TRON Payment Gateway — multi-stage, multi-arch (docker buildx build --platform linux/amd64,linux/arm64 .)
# Node.js 24 LTS. better-sqlite3 ships prebuilt Node-API binaries for both architectures; secp256k1 is
# compiled in the build stage for the target platform.

FROM node:24-bookworm AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# `npm ci` runs the prepare script, which needs these (it builds nothing yet: there are no sources here)
COPY scripts ./scripts
COPY bin ./bin
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY config ./config
# Only the runtime is kept: no TypeScript, no tsx, and not the better-sqlite3 build for Node 20 (optional).
RUN npm run build && npm prune --omit=dev --omit=optional
# The data volume's mount point, owned by the image's user: Docker copies its owner and mode into a new
# named volume, so the gateway (uid 65532) can create its database and devnet there.
RUN mkdir -p /volume/data && chmod 0700 /volume/data

FROM gcr.io/distroless/nodejs24-debian12:nonroot
WORKDIR /app
# MALLOC_ARENA_MAX as npm start sets it: fewer glibc arenas across the gateway's threads (ADR 0011)
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    SERVICE_HOST=0.0.0.0 \
    SERVICE_PORT=8097 \
    DATA_DIR=/data
# The application's files stay owned by root: the process can read them but never rewrite its own code.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/config ./config
COPY --from=build /app/package.json ./package.json
COPY --from=build --chown=nonroot:nonroot /volume/data /data
VOLUME ["/data"]
EXPOSE 8097 8090
USER nonroot
# No curl in distroless: a Node script probes what the container's role serves (the API's liveness for
# `start`, /devnet/info for `devnet`; a one-shot command like `migrate` is healthy while it runs).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/nodejs/bin/node", "dist/cli/healthcheck.js"]
# The same Node flags as `npm start`: an 8 MB young generation keeps the resident memory ~15 MB lower (ADR 0011).
ENTRYPOINT ["/nodejs/bin/node", "--max-semi-space-size=8", "bin/tron-payment-gateway.mjs"]
CMD ["start"]
