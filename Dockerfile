# syntax=docker/dockerfile:1
# Node version as in package.json "engines".
ARG NODE_VERSION=20

# Build stage: dev dependencies, compile TypeScript to dist/, then drop the dev dependencies.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary when one exists for this platform and Node;
# otherwise `npm ci` compiles it from source with node-gyp, which needs python3, make and a C++ compiler.
# The run stage copies node_modules from here, so the compiled binary goes with it.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY adapters adapters
COPY app app
RUN npm run build && npm prune --omit=dev

# Run stage: production dependencies and compiled JavaScript only, as the non-root node user.
FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production MSS_DB_PATH=/data/mss-bot.db PORT=3000
# glibc raises its mmap threshold each time a large block is freed, so after the
# first chart upload the next ones (a 90 KiB PNG, its multipart copies) come from
# the heap, whose freed pages stay with the process: 10,000 Discord commands with
# charts left 162-178 MB RSS. Fixed thresholds hand them back: 135-142 MB (npm run bench).
ENV MALLOC_MMAP_THRESHOLD_=65536 MALLOC_TRIM_THRESHOLD_=65536
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY bin bin
COPY data/papers.md data/paper-records.json data/
# The one font charts are drawn with (stats, reading stats), with its licence.
COPY data/fonts data/fonts
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=4", "dist/app/main.js"]
