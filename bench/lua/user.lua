-- GET /api/user with the session cookie of one of the seeded users.
dofile((debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "common.lua")
local sessions
init = function(args)
  sessions = read_lines("sessions.txt")
  math.randomseed(thread_id or 1)
end
request = function()
  return wrk.format("GET", "/api/user", { ["Cookie"] = "SID=" .. sessions[math.random(#sessions)] })
end
