# Piazza in one image: the web front end built with Node, the server with Rust, and a slim
# runtime holding the binary and the static assets.

FROM node:20-bookworm-slim AS web
WORKDIR /src
COPY schema.graphql ./
COPY web/package.json web/package-lock.json web/
RUN cd web && npm ci --no-audit --no-fund
COPY web web
RUN cd web && npm run build

FROM rust:1.95-bookworm AS server
WORKDIR /src
COPY . .
RUN cargo build --release -p piazza

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/piazza --create-home piazza
COPY --from=server /src/target/release/piazza /usr/local/bin/piazza
COPY --from=web /src/web/dist /usr/share/piazza/web
USER piazza
WORKDIR /var/lib/piazza
ENV PIAZZA_BIND=0.0.0.0:8080 \
    PIAZZA_WEB_DIR=/usr/share/piazza/web \
    PIAZZA_DATABASE_URL=sqlite:/var/lib/piazza/data/piazza.db \
    PIAZZA_LOG_FORMAT=json
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["/usr/local/bin/piazza"]
CMD ["serve"]
