-- wrk reporter: one JSON line with the figures bench/load_test.py needs (p50 and p95 in ms).
-- Responses outside 2xx/3xx count as errors (wrk's summary.errors.status).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, '
      .. '"mean_ms": %.3f, "max_ms": %.3f, "errors_connect": %d, "errors_read": %d, "errors_write": %d, '
      .. '"errors_status": %d, "errors_timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.mean / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
