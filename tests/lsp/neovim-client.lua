-- A real editor as the language server's client: Neovim's built-in LSP client, headless.
-- Opens a post of the site, types a broken post link (no save), waits for the server's
-- diagnostics and writes them as JSON to $DAYLIGHT_NVIM_OUT. Run by tests/lsp/neovim.test.ts.
local root = os.getenv("DAYLIGHT_SITE")
local out = os.getenv("DAYLIGHT_NVIM_OUT")
local cmd = { os.getenv("DAYLIGHT_NODE"), os.getenv("DAYLIGHT_CLI"), "lsp" }

local function finish(result)
  local file = io.open(out, "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qall!")
end

vim.cmd("edit " .. vim.fn.fnameescape(root .. "/posts/b.md"))
local buf = vim.api.nvim_get_current_buf()
local config = { name = "daylight", cmd = cmd, root_dir = root }
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config)
else
  -- Neovim 0.7 (Debian 12) has no vim.lsp.start yet.
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(buf, client_id)
end

local attached = vim.wait(60000, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized == true and vim.lsp.buf_is_attached(buf, client_id)
end, 20)
if not attached then return finish({ error = "the server did not start" }) end

-- Typed, not saved: the server sees it through didChange.
vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "", "See [the post](./posts/edd-for-hb)." })
local seen = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
if not seen then return finish({ error = "no diagnostics arrived" }) end

local result = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(result, { line = d.lnum, col = d.col, severity = d.severity, code = code, message = d.message })
end
finish({ diagnostics = result, modified = vim.bo[buf].modified })
