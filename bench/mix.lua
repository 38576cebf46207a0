-- A mix of what readers ask for: articles, role pages, calculator fragments
-- (htmx) and static files. Counts 5xx responses per thread and reports them.
local paths = {
  {"/compare/backend-developer-vs-ai-ml-engineer/", false},
  {"/compare/backend-developer-vs-ai-ml-engineer/", false},
  {"/roles/backend-developer/", false},
  {"/roles/ai-ml-engineer/", false},
  -- The calculator's own addresses for these choices (its "Link"), which the page cache keeps.
  {"/calculator/?role_a=ai-ml-engineer&role_b=backend-developer&level=senior&location=bay-area&area=&industry=finance&sub_industry=&education=masters-degree&company_size=large-tech-firm", true},
  {"/calculator/?role_a=backend-developer&role_b=ai-ml-engineer&level=mid-career&location=&area=&industry=&sub_industry=&education=masters-degree&company_size=startup", true},
  {"/static/css/site.css", false},
  {"/", false},
}
local threads = {}
local counter = 0
local fivexx = 0

function setup(thread)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local entry = paths[(counter % #paths) + 1]
  local headers = {}
  if entry[2] then headers["HX-Request"] = "true" end
  return wrk.format("GET", entry[1], headers)
end

function response(status, headers, body)
  if status >= 500 then
    fivexx = fivexx + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("fivexx") or 0)
  end
  io.write(string.format("5xx responses: %d\n", total))
end
