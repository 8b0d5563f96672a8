#include "tests/document/testing/pdf_builder.h"

#include <zlib.h>

#include <cstdio>

namespace gm::testing {

int PdfBuilder::Add(const std::string& body) {
  bodies_.push_back(body);
  return static_cast<int>(bodies_.size());
}

int PdfBuilder::AddStream(const std::string& dict, const std::string& data) {
  return Add("<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream");
}

int PdfBuilder::AddPage(const std::string& content, const std::string& resources, double width, double height,
                        const std::string& extra) {
  const int contents = AddStream("", content);
  char box[128];
  std::snprintf(box, sizeof(box), "[0 0 %g %g]", width, height);
  // The parent is filled in by Build: page objects name it by a placeholder.
  const int page = Add("<< /Type /Page /Parent @PAGES@ /MediaBox " + std::string(box) + " /Resources " + resources +
                       " /Contents " + std::to_string(contents) + " 0 R " + extra + " >>");
  pages_.push_back(page);
  return page;
}

int PdfBuilder::AddRawPage(const std::string& body) {
  const int page = Add(body);
  pages_.push_back(page);
  return page;
}

std::string PdfBuilder::Build() {
  const int pages = static_cast<int>(bodies_.size()) + 1;
  std::string kids;
  for (int p : pages_) kids += std::to_string(p) + " 0 R ";
  bodies_.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages_.size()) + " >>");
  const int catalog = Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>");
  const std::string parent = std::to_string(pages) + " 0 R";
  std::string out = "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < bodies_.size(); ++i) {
    std::string body = bodies_[i];
    for (size_t at = body.find("@PAGES@"); at != std::string::npos; at = body.find("@PAGES@")) {
      body.replace(at, 7, parent);
    }
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + body + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(bodies_.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof(line), "%010zu 00000 n \n", offset);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(bodies_.size() + 1) + " /Root " + std::to_string(catalog) +
         " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string ImageResources(int image_object) {
  return "<< /XObject << /Im0 " + std::to_string(image_object) + " 0 R >> >>";
}

std::string DrawImage(double x, double y, double w, double h) {
  char content[160];
  std::snprintf(content, sizeof(content), "q %g 0 0 %g %g %g cm /Im0 Do Q", w, h, x, y);
  return content;
}

std::string Deflate(const std::string& data) {
  uLongf size = compressBound(data.size());
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()), data.size(), 6);
  out.resize(size);
  return out;
}

std::string Hex(const std::string& bytes) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

}  // namespace gm::testing
