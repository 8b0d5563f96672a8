#include "extractors/office/docx_reader.h"

#include <algorithm>
#include <mutex>
#include <vector>

#include "extractors/office/ooxml_package.h"
#include "extractors/office/xml.h"
#include "pipeline/core/templates.h"

namespace gm {
namespace {

constexpr size_t kMaxRows = 100000;
constexpr size_t kMaxColumns = 1024;
// A guard for the stack only: every step of the walk enters a child element,
// so Limits::max_xml_depth (checked before the walk) bounds it first.
constexpr int kMaxDepth = 1024;

bool IsBlank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

class DocxWalker {
 public:
  DocxWalker(const DocxSymbols& symbols, const Limits& limits, Document* out)
      : symbols_(symbols), limits_(limits), out_(out) {}

  // OK, or the Limit of the first budget the document went over; the walk
  // stops adding as soon as one is.
  const Status& status() const { return status_; }

  // Children of <w:body>, or of a block-level wrapper (content control, custom XML).
  void Blocks(const xmlNode* parent, int depth) {
    if (depth > kMaxDepth || !status_.ok()) return;
    for (xmlNode* node = parent->children; node; node = node->next) {
      if (IsElement(node, "p")) {
        std::string text;
        Runs(node, &text, depth + 1);
        if (!IsBlank(text) && Spend(text.size())) out_->pages[0].text.push_back({text, {}});
      } else if (IsElement(node, "tbl")) {
        std::vector<TextTable> nested;
        TextTable table = Table(node, &nested, depth + 1);
        AddTable(std::move(table));
        for (TextTable& n : nested) AddTable(std::move(n));
      } else if (IsElement(node, "sdt")) {
        if (xmlNode* content = Child(node, "sdtContent")) Blocks(content, depth + 1);
      } else if (IsElement(node, "customXml") || IsElement(node, "ins") || IsElement(node, "smartTag")) {
        Blocks(node, depth + 1);
      } else if (IsElement(node, "AlternateContent")) {
        if (xmlNode* choice = Child(node, "Choice")) Blocks(choice, depth + 1);
      }
    }
  }

 private:
  // The text of the runs under `node`, appended to `text`.
  void Runs(const xmlNode* node, std::string* text, int depth) {
    if (depth > kMaxDepth || !status_.ok()) return;
    for (xmlNode* child = node->children; child; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      if (IsElement(child, "t")) {
        *text += DirectText(child);
      } else if (IsElement(child, "tab") || IsElement(child, "ptab")) {
        *text += '\t';
      } else if (IsElement(child, "br") || IsElement(child, "cr")) {
        *text += '\n';
      } else if (IsElement(child, "noBreakHyphen")) {
        *text += '-';
      } else if (IsElement(child, "sym")) {
        *text += Symbol(Attribute(child, "font"), Attribute(child, "char"));
      } else if (IsElement(child, "AlternateContent")) {
        // Choice and Fallback hold the same text box twice: read it once.
        if (xmlNode* choice = Child(child, "Choice")) Runs(choice, text, depth + 1);
      } else if (IsElement(child, "p")) {  // a paragraph of a text box or a cell
        if (!text->empty() && text->back() != '\n') *text += '\n';
        Runs(child, text, depth + 1);
      } else if (IsElement(child, "tbl")) {
        if (!text->empty() && text->back() != '\n') *text += '\n';
        *text += TableText(child, depth + 1);
      } else if (IsElement(child, "pPr") || IsElement(child, "rPr") || IsElement(child, "sectPr") ||
                 IsElement(child, "delText") || IsElement(child, "instrText") || IsElement(child, "del") ||
                 IsElement(child, "moveFrom") || IsElement(child, "tblPr") || IsElement(child, "tcPr") ||
                 IsElement(child, "trPr") || IsElement(child, "tblGrid") || IsElement(child, "rt")) {
        continue;  // properties, deleted text, field codes, ruby annotations
      } else {
        Runs(child, text, depth + 1);
      }
    }
  }

  std::string Symbol(const std::string& font, std::string code) {
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
    auto it = symbols_.find(font + " " + code);
    if (it == symbols_.end()) it = symbols_.find("* " + code);
    return it == symbols_.end() ? std::string() : it->second;
  }

  // The rows (<w:tr>) of a table, looking through content controls around them.
  static void CollectRows(const xmlNode* node, std::vector<xmlNode*>* rows, int depth) {
    if (depth > kMaxDepth) return;
    for (xmlNode* child = node->children; child; child = child->next) {
      if (IsElement(child, "tr")) {
        rows->push_back(child);
      } else if (IsElement(child, "sdt")) {
        if (xmlNode* content = Child(child, "sdtContent")) CollectRows(content, rows, depth + 1);
      } else if (IsElement(child, "customXml")) {
        CollectRows(child, rows, depth + 1);
      }
    }
  }

  static void CollectCells(const xmlNode* row, std::vector<xmlNode*>* cells, int depth) {
    if (depth > kMaxDepth) return;
    for (xmlNode* child = row->children; child; child = child->next) {
      if (IsElement(child, "tc")) {
        cells->push_back(child);
      } else if (IsElement(child, "sdt")) {
        if (xmlNode* content = Child(child, "sdtContent")) CollectCells(content, cells, depth + 1);
      } else if (IsElement(child, "customXml")) {
        CollectCells(child, cells, depth + 1);
      }
    }
  }

  static int IntAttribute(const xmlNode* node, const char* name, int fallback) {
    const std::string v = Attribute(node, name);
    if (v.empty()) return fallback;
    try {
      return std::stoi(v);
    } catch (...) {
      return fallback;
    }
  }

  TextTable Table(const xmlNode* tbl, std::vector<TextTable>* nested, int depth) {
    TextTable table;
    size_t width = 0;
    if (xmlNode* grid = Child(tbl, "tblGrid")) {
      for (xmlNode* col = grid->children; col; col = col->next) width += IsElement(col, "gridCol");
    }
    std::vector<xmlNode*> rows;
    CollectRows(tbl, &rows, depth);
    for (xmlNode* tr : rows) {
      if (table.rows.size() >= kMaxRows || !status_.ok()) break;
      std::vector<std::string> row;
      xmlNode* props = Child(tr, "trPr");
      const int before = std::clamp(IntAttribute(Child(props, "gridBefore"), "val", 0), 0, static_cast<int>(kMaxColumns));
      row.resize(before);
      std::vector<xmlNode*> cells;
      CollectCells(tr, &cells, depth);
      for (xmlNode* tc : cells) {
        xmlNode* tc_props = Child(tc, "tcPr");
        const int span = std::clamp(IntAttribute(Child(tc_props, "gridSpan"), "val", 1), 1, static_cast<int>(kMaxColumns));
        xmlNode* vmerge = Child(tc_props, "vMerge");
        const bool continues = vmerge && Attribute(vmerge, "val") != "restart";
        std::string text;
        if (!continues) text = CellText(tc, nested, depth + 1);
        if (row.size() + span > kMaxColumns) break;
        row.push_back(std::move(text));  // the merged area's top-left position holds the text
        row.resize(row.size() + span - 1);
      }
      width = std::min(std::max(width, row.size()), kMaxColumns);
      // Every row is padded to the widest: count what the padding will take.
      if (!SpendCells(table.rows.size() + 1, width)) return TextTable();
      table.rows.push_back(std::move(row));
    }
    for (auto& row : table.rows) row.resize(width);
    cells_ += table.rows.size() * width;
    return table;
  }

  // A cell's paragraphs joined by \n; nested tables are kept as text here and as tables of their own.
  std::string CellText(const xmlNode* tc, std::vector<TextTable>* nested, int depth) {
    std::string text;
    for (xmlNode* node = tc->children; node; node = node->next) {
      if (IsElement(node, "tbl")) {
        // Read once: flattening it again for the text would read every
        // deeper level twice more, 2^depth in all.
        std::vector<TextTable> deeper;
        TextTable table = Table(node, &deeper, depth + 1);
        if (!text.empty()) text += '\n';
        text += Flatten(table);
        nested->push_back(std::move(table));
        for (TextTable& t : deeper) nested->push_back(std::move(t));
      } else if (node->type == XML_ELEMENT_NODE && !IsElement(node, "tcPr")) {
        std::string paragraph;
        Runs(node, &paragraph, depth + 1);
        if (IsElement(node, "p") || !paragraph.empty()) {
          if (!text.empty()) text += '\n';
          text += paragraph;
        }
      }
    }
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return Spend(text.size()) ? text : std::string();
  }

  // A table flattened to text: cells joined by \t, rows by \n.
  std::string TableText(const xmlNode* tbl, int depth) {
    std::vector<TextTable> ignored;
    return Flatten(Table(tbl, &ignored, depth));
  }

  std::string Flatten(const TextTable& table) {
    std::string text;
    for (const auto& row : table.rows) {
      if (!text.empty()) text += '\n';
      for (size_t i = 0; i < row.size(); ++i) {
        if (i) text += '\t';
        text += row[i];
      }
    }
    return Spend(text.size()) ? text : std::string();
  }

  // Counts text held; false (and the status set) past Limits::max_text_bytes.
  bool Spend(uint64_t bytes) {
    text_bytes_ += bytes;
    if (text_bytes_ > limits_.max_text_bytes && status_.ok())
      status_ = Status::Limit("Word文档中的文字过多，超出" +
                              BudgetText("max_text_bytes", "读出的文字字节数", limits_.max_text_bytes) +
                              "；请申报单位精简文档或另存为PDF后重新发送");
    return status_.ok();
  }

  // Counts a table of `rows` x `width` cells on top of every table read
  // before it, nested ones included; false (and the status set) past
  // Limits::max_table_cells.
  bool SpendCells(uint64_t rows, uint64_t width) {
    if (cells_ + rows * width > limits_.max_table_cells && status_.ok())
      status_ = Status::Limit("Word文档中的表格过大，超出" +
                              BudgetText("max_table_cells", "表格单元格数", limits_.max_table_cells) +
                              "；请申报单位另存为PDF后重新发送");
    return status_.ok();
  }

  void AddTable(TextTable table) {
    table.name = "table " + std::to_string(out_->tables.size() + 1);
    out_->tables.push_back(std::move(table));
  }

  const DocxSymbols& symbols_;
  const Limits& limits_;
  Document* out_;
  Status status_;
  uint64_t text_bytes_ = 0;
  uint64_t cells_ = 0;  // cells of the tables read so far
};

}  // namespace

Status LoadDocxSymbols(const std::filesystem::path& templates_dir, DocxSymbols* out) {
  TsvTable tsv;
  if (Status s = LoadTsv(templates_dir / "document_symbols.tsv", &tsv); !s.ok()) return s;
  DocxSymbols table;
  for (const auto& row : tsv.rows) {
    std::string code = tsv.Get(row, "char");
    if (tsv.Get(row, "font").empty() || code.empty() || tsv.Get(row, "text").empty())
      return Status::Corrupt(tsv.Where(row) + ": needs a font, a char and a text");
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
    table[tsv.Get(row, "font") + " " + code] = tsv.Get(row, "text");
  }
  *out = std::move(table);
  return Status::OK();
}

namespace {

std::mutex symbols_mu;
std::unique_ptr<const DocxSymbols> default_symbols;  // guarded by symbols_mu

}  // namespace

void SetDefaultDocxSymbols(DocxSymbols symbols) {
  std::lock_guard<std::mutex> lock(symbols_mu);
  default_symbols = std::make_unique<const DocxSymbols>(std::move(symbols));
}

const DocxSymbols& DefaultDocxSymbols() {
  std::lock_guard<std::mutex> lock(symbols_mu);
  if (!default_symbols) {
    // Tests and tools: the table beside the sources; a run has set its own.
    auto table = std::make_unique<DocxSymbols>();
    if (!LoadDocxSymbols(Templates::DefaultDir(), table.get()).ok()) table->clear();
    default_symbols = std::move(table);
  }
  return *default_symbols;
}

Status ReadDocxXml(std::string_view document_xml, const DocxSymbols& symbols, Document* out, const Limits& limits) {
  *out = Document();
  out->format = DocumentFormat::kDocx;
  XmlDocPtr xml;
  Status s = ParseXml(document_xml, "word/document.xml", &xml, limits);
  if (!s.ok()) return s;
  xmlNode* root = xmlDocGetRootElement(xml.get());
  xmlNode* body = IsElement(root, "document") ? Child(root, "body") : nullptr;
  if (!body) return Status::Corrupt("文件不是有效的Word文档（缺少正文），请申报单位重新发送");
  out->pages.emplace_back();
  DocxWalker walker(symbols, limits, out);
  walker.Blocks(body, 0);
  if (!walker.status().ok()) {
    *out = Document();
    return walker.status();
  }
  return Status::OK();
}

Status OpenDocx(std::shared_ptr<const std::string> bytes, const Limits& limits, Document* out) {
  *out = Document();
  std::string main_part;
  Status s = ReadOfficeMainPart(*bytes, "word/document.xml", OfficePartCap(limits), &main_part);
  if (!s.ok()) return s;
  return ReadDocxXml(main_part, DefaultDocxSymbols(), out, limits);
}

}  // namespace gm
