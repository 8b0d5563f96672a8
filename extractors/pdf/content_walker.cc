#include "extractors/pdf/content_walker.h"

#include <set>
#include <string>
#include <vector>

#include "extractors/pdf/podofo_access.h"

namespace gm::podofo {
namespace {

using PoDoFo::PdfObject;
using PoDoFo::PdfVariant;

constexpr int kMaxFormDepth = 12;
constexpr long kMaxTokens = 4'000'000;         // per page, forms included
constexpr size_t kMaxFormBytes = 64u << 20;    // one decoded form XObject

struct GraphicsState {
  Matrix ctm;
  int render_mode = 0;
};

bool IsPathPainting(const std::string& op) {
  return op == "S" || op == "s" || op == "f" || op == "F" || op == "f*" || op == "B" || op == "B*" || op == "b" ||
         op == "b*" || op == "sh";
}

bool IsTextShowing(const std::string& op) { return op == "Tj" || op == "TJ" || op == "'" || op == "\""; }

class Walker {
 public:
  explicit Walker(PageStructure* out) : out_(out) {}

  void Walk(std::string_view content, PdfObject* resources, const Matrix& ctm, int depth) {
    PoDoFo::PdfContentsTokenizer tokenizer(content.data(), static_cast<long>(content.size()));
    std::vector<GraphicsState> stack;
    GraphicsState gs;
    gs.ctm = ctm;
    std::vector<PdfVariant> operands;
    PoDoFo::EPdfContentsType type;
    const char* keyword = nullptr;
    PdfVariant variant;
    try {
      while (tokenizer.ReadNext(type, keyword, variant)) {
        if (++tokens_ > kMaxTokens) {
          out_->complete = false;
          return;
        }
        if (type == PoDoFo::ePdfContentsType_Variant) {
          if (operands.size() < 64) operands.push_back(variant);
          continue;
        }
        if (type != PoDoFo::ePdfContentsType_Keyword) {  // inline image data
          operands.clear();
          continue;
        }
        const std::string op = keyword;
        if (op == "q") {
          if (stack.size() < 256) stack.push_back(gs);
        } else if (op == "Q") {
          if (!stack.empty()) {
            gs = stack.back();
            stack.pop_back();
          }
        } else if (op == "cm" && operands.size() >= 6) {
          const size_t n = operands.size();
          Matrix m{Num(operands[n - 6]), Num(operands[n - 5]), Num(operands[n - 4]),
                   Num(operands[n - 3]), Num(operands[n - 2]), Num(operands[n - 1])};
          gs.ctm = m.Then(gs.ctm);
        } else if (op == "Tr" && !operands.empty()) {
          gs.render_mode = static_cast<int>(Num(operands.back()));
        } else if (IsTextShowing(op)) {
          // Modes 3 (invisible) and 7 (clip only) paint nothing: an OCR layer over a scan.
          if (gs.render_mode == 3 || gs.render_mode == 7) {
            ++out_->invisible_text_ops;
          } else {
            ++out_->visible_text_ops;
          }
        } else if (IsPathPainting(op)) {
          ++out_->paint_ops;
        } else if (op == "BI") {
          ++out_->inline_images;
        } else if (op == "Do" && !operands.empty() && operands.back().IsName()) {
          PaintXObject(operands.back().GetName().GetName(), resources, gs.ctm, depth);
        }
        operands.clear();
      }
    } catch (const PoDoFo::PdfError&) {
      out_->complete = false;
    }
  }

 private:
  static double Num(const PdfVariant& v) {
    if (v.IsNumber()) return static_cast<double>(v.GetNumber());
    if (v.IsReal()) return v.GetReal();
    return 0;
  }

  void PaintXObject(const std::string& name, PdfObject* resources, const Matrix& ctm, int depth) {
    PdfObject* xobject = Get(Get(resources, "XObject"), name.c_str());
    if (!xobject || !xobject->IsDictionary()) return;
    const std::string subtype = Name(Get(xobject, "Subtype"));
    if (subtype == "Image") {
      DrawnImage image;
      image.id.number = static_cast<int>(xobject->Reference().ObjectNumber());
      image.id.generation = static_cast<int>(xobject->Reference().GenerationNumber());
      image.width = static_cast<int>(Number(Get(xobject, "Width"), 0));
      image.height = static_cast<int>(Number(Get(xobject, "Height"), 0));
      image.ctm = ctm;
      out_->images.push_back(image);
      return;
    }
    if (subtype != "Form") return;
    if (depth >= kMaxFormDepth || !visiting_.insert(xobject).second) {
      out_->complete = false;  // too deep, or a form that paints itself
      return;
    }
    Matrix form_ctm = ctm;
    PdfObject* matrix = Get(xobject, "Matrix");
    if (matrix && matrix->IsArray() && matrix->GetArray().size() == 6) {
      double v[6];
      for (int i = 0; i < 6; ++i) v[i] = Number(Resolve(&matrix->GetArray()[i], xobject->GetOwner()), i == 0 || i == 3);
      form_ctm = Matrix{v[0], v[1], v[2], v[3], v[4], v[5]}.Then(ctm);
    }
    PdfObject* form_resources = Get(xobject, "Resources");
    std::string content;
    if (DecodedStreamBytes(xobject, kMaxFormBytes, &content).ok()) {
      Walk(content, form_resources ? form_resources : resources, form_ctm, depth + 1);
    } else {
      out_->complete = false;
    }
    visiting_.erase(xobject);
  }

  PageStructure* out_;
  long tokens_ = 0;
  std::set<PdfObject*> visiting_;
};

}  // namespace

void WalkContent(std::string_view content, PdfObject* resources, const Matrix& ctm, PageStructure* out) {
  Walker(out).Walk(content, resources, ctm, 0);
}

}  // namespace gm::podofo
