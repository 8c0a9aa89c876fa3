-- Replays the lines of a requests file (see SignedRequests: METHOD<TAB>PATH<TAB>BODY<TAB>Header: value...).
-- REQUESTS names the file, WRK_THREADS the -t count. Each thread takes every n-th line, so a file of
-- singly-usable requests (Aliyun nonces) is not sent twice while it lasts; a one-line file is replayed by all.
local requests = {}
local counter = 0
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
end

local function format(line)
   local parts = {}
   for field in (line .. "\t"):gmatch("([^\t]*)\t") do
      table.insert(parts, field)
   end
   local headers = {}
   for k = 4, #parts do
      local name, value = parts[k]:match("^([^:]+):%s*(.*)$")
      headers[name] = value
   end
   return wrk.format(parts[1], parts[2], headers, parts[3] ~= "" and parts[3] or nil)
end

function init(args)
   local threads = tonumber(os.getenv("WRK_THREADS") or "1")
   local index = 0
   local first
   for line in io.lines(os.getenv("REQUESTS")) do
      if index == 0 then
         first = line
      end
      if index % threads == id then
         table.insert(requests, format(line))
      end
      index = index + 1
   end
   if #requests == 0 then
      table.insert(requests, format(first))
   end
end

function request()
   counter = counter % #requests + 1
   return requests[counter]
end
