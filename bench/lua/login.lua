-- POST /api/login at the configured bcrypt cost. Each wrk thread cycles through its own share of
-- the login users, so no two attempts on one account overlap (the throttle answers those 429).
dofile((debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "common.lua")
local users = {}
local next_user = 0
init = function(args)
  local all = read_lines("login-users.txt")
  local threads = tonumber(os.getenv("BENCH_LOGIN_THREADS") or "2")
  for i, name in ipairs(all) do
    if (i - 1) % threads == (thread_id or 1) - 1 then users[#users + 1] = name end
  end
end
request = function()
  next_user = next_user % #users + 1
  return wrk.format("POST", "/api/login", { ["Content-Type"] = "application/json" },
    '{"login":"' .. users[next_user] .. '","password":"bench-Passw0rd-x7q!"}')
end
