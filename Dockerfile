# syntax=docker/dockerfile:1
# Build stage: dev dependencies, compile TypeScript to dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY adapters adapters
COPY app app
RUN npm run build && npm prune --omit=dev

# Run stage: production dependencies and compiled JavaScript only, as a non-root user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production MSS_DB_PATH=/data/mss-bot.db
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY bin bin
COPY data/papers.md data/papers.md
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/app/main.js"]
