-- The daily rollup of `waymark report`, as SQL over the raw hive-partitioned scan logs.
--
-- Runs as is in DuckDB from the folder holding logs/:
--     duckdb -c ".read sql/rollup.sql"           (or: duckdb < sql/rollup.sql)
-- and gives exactly the rows `waymark report` keeps in its `rollup` table:
--     site, day, dimension, key, count
-- For Spark SQL or ClickHouse, replace the read_json(...) call with the engine's JSON source
-- (spark.read.json("logs") / the JSONEachRow format), `regexp_matches(x, p)` with `x RLIKE p`
-- (Spark) or `match(x, p)` (ClickHouse), and `try_cast` with `try_cast`/`toDateOrNull`.
-- Everything else is plain SQL: CTEs, window functions, GROUP BY, UNION ALL.
--
-- What counts (DESIGN §8):
--   * a line is an event only if it is valid JSON of schema v=1 with every field well formed
--     (malformed and truncated lines are skipped: ignore_errors);
--   * day and hour are UTC, from `ts`; site is the event's own `site` field;
--   * an event id is counted once per site and day (ids embed their time, so copies written by
--     two nodes or replayed by a retry fall on the same day);
--   * a scan is a unique event whose device is not 'bot'; bots are counted apart.
WITH raw AS (
    SELECT *
    FROM read_json('logs/site=*/date=*/*.ndjson',
                   format = 'newline_delimited',
                   ignore_errors = true,
                   hive_partitioning = false,  -- the event's own site and ts decide, not the folder
                   columns = {v: 'BIGINT', id: 'VARCHAR', ts: 'VARCHAR', site: 'VARCHAR', token: 'VARCHAR',
                              kind: 'VARCHAR', ua: 'STRUCT(device VARCHAR, os VARCHAR, browser VARCHAR)',
                              ref: 'VARCHAR', cc: 'VARCHAR', ih: 'VARCHAR'})
),
valid AS (
    SELECT id, site, token, kind, ua.device AS device, ua.os AS os, ua.browser AS browser,
           coalesce(ref, '(direct)') AS referrer, coalesce(cc, '(unknown)') AS country, ih,
           substr(ts, 1, 10) AS day, substr(ts, 12, 2) AS hour
    FROM raw
    WHERE v = 1
      AND id IS NOT NULL
      AND regexp_matches(ts, '^\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$')
      AND try_cast(substr(ts, 1, 10) AS DATE) IS NOT NULL
      AND regexp_matches(site, '^[a-z][a-z0-9-]{0,63}$')
      AND regexp_matches(token, '^[0-9A-HJKMNP-TV-Z]+$')
      AND kind IN ('scan', 'beacon')
      AND ua.device IN ('mobile', 'tablet', 'desktop', 'bot')
      AND ua.os IS NOT NULL AND ua.browser IS NOT NULL
      AND regexp_matches(ih, '^[0-9a-f]{16}$')
),
copies AS (
    SELECT *, row_number() OVER (PARTITION BY site, day, id ORDER BY id) AS copy
    FROM valid
),
events AS (SELECT * FROM copies WHERE copy = 1),
scans AS (SELECT * FROM events WHERE device <> 'bot'),
bots AS (SELECT * FROM events WHERE device = 'bot'),
rollup AS (
              SELECT site, day, 'scans' AS dimension, '' AS key, count(*) AS count FROM scans GROUP BY site, day
    UNION ALL SELECT site, day, 'visitors', '', count(DISTINCT ih) FROM scans GROUP BY site, day
    UNION ALL SELECT site, day, 'token', token, count(*) FROM scans GROUP BY site, day, token
    UNION ALL SELECT site, day, 'kind', kind, count(*) FROM scans GROUP BY site, day, kind
    UNION ALL SELECT site, day, 'hour', hour, count(*) FROM scans GROUP BY site, day, hour
    UNION ALL SELECT site, day, 'device', device, count(*) FROM scans GROUP BY site, day, device
    UNION ALL SELECT site, day, 'os', os, count(*) FROM scans GROUP BY site, day, os
    UNION ALL SELECT site, day, 'browser', browser, count(*) FROM scans GROUP BY site, day, browser
    UNION ALL SELECT site, day, 'referrer', referrer, count(*) FROM scans GROUP BY site, day, referrer
    UNION ALL SELECT site, day, 'country', country, count(*) FROM scans GROUP BY site, day, country
    UNION ALL SELECT site, day, 'bots', '', count(*) FROM bots GROUP BY site, day
    UNION ALL SELECT site, day, 'bot_browser', browser, count(*) FROM bots GROUP BY site, day, browser
    UNION ALL SELECT site, day, 'duplicates', '', count(*) FROM copies WHERE copy > 1 GROUP BY site, day
)
SELECT site, day, dimension, key, count
FROM rollup
ORDER BY site, day, dimension, key;
