// PdfBuilder: writes small PDF files byte by byte for tests, so that every
// dictionary entry a test depends on (filters, colour spaces, /Rotate, the
// matrix an image is drawn with) is exactly what the test says.
#pragma once

#include <string>
#include <vector>

namespace gm::testing {

class PdfBuilder {
 public:
  // Adds an object whose body is `body` (e.g. "<< /Type /Font ... >>"); returns its number.
  int Add(const std::string& body);
  // Adds a stream object: `dict` holds the entries without "<<" ">>" or /Length.
  int AddStream(const std::string& dict, const std::string& data);
  // Adds a page drawing `content` with `resources` (a dictionary body).
  // `extra` is appended to the page dictionary (e.g. "/Rotate 90").
  int AddPage(const std::string& content, const std::string& resources, double width = 595, double height = 842,
              const std::string& extra = "");
  // Adds a page dictionary written by the caller; "@PAGES@" stands for the page tree's reference.
  int AddRawPage(const std::string& body);
  // The file: objects, the page tree, the catalog, the xref table and trailer.
  std::string Build();

 private:
  std::vector<std::string> bodies_;  // object i + 1
  std::vector<int> pages_;
};

// "<< /XObject << /Im0 N 0 R >> >>" for an image object N.
std::string ImageResources(int image_object);
// A content stream that draws /Im0 filling the rectangle (x, y, w, h).
std::string DrawImage(double x, double y, double w, double h);
// zlib-compresses `data` (FlateDecode).
std::string Deflate(const std::string& data);
// Upper-case hex of bytes ("<...>" not included).
std::string Hex(const std::string& bytes);

}  // namespace gm::testing
