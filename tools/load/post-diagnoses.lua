-- wrk script: valid diagnosis POSTs, a new pseudonymous patient per request.
-- Usage: wrk -t2 -c8 -d30s -s tools/load/post-diagnoses.lua http://localhost:8081
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"patientId":"load-%s-%d-%d","birthYear":1968,"sex":"FEMALE","side":"LEFT",' ..
    '"diagnosisDate":"2026-03-02","symptomOnsetDate":"2025-11-20","causeCategory":"FIBULAR_NERVE_AT_KNEE",' ..
    '"mechanism":"POSTURAL_COMPRESSION","icd10Codes":["M21.372"],' ..
    '"evaluations":[{"kind":"PHYSICAL_EXAM","finding":"WEAK_DORSIFLEXION"}]}',
    tostring(tid), os.time(), counter)
  return wrk.format("POST", "/api/v1/diagnoses", {["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d status, %d connect, %d read, %d write, %d timeout\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
