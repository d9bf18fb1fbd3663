-- wrk script: autocomplete requests over many different prefixes, so the
-- result cache does not answer everything. Usage:
--   wrk -t2 -c64 -d10s -s .ci/suggest.lua http://127.0.0.1:18080
local words = {"password", "refund", "invoice", "cancel", "account", "login", "calendar",
  "payment", "export", "delete", "notification", "webhook", "booking", "team", "security",
  "outlook", "teams", "sharepoint", "mailbox", "sync", "error", "install", "meeting", "license"}
local queries = {}
for _, w in ipairs(words) do
  for n = 2, #w do queries[#queries + 1] = w:sub(1, n) end
  for _, v in ipairs(words) do
    if v ~= w then queries[#queries + 1] = w .. "+" .. v:sub(1, 3) end
  end
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/suggest?q=" .. queries[(i % #queries) + 1])
end
