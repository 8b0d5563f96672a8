#include "pipeline/batch/package_form.h"

#include "pipeline/batch/form_merge.h"

namespace gm {
namespace {

// What the package's senders typed themselves: its name, the e-mail's
// subject and body, and every part of its files' paths, without extensions.
std::vector<std::string> TypedTexts(const Package& package) {
  auto stem = [](const std::string& name) {
    const size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
  };
  std::vector<std::string> texts{stem(package.source), package.origin.subject, package.origin.body};
  for (const InputFile& f : package.files) {
    size_t from = 0;
    for (size_t slash = f.path.find('/'); from <= f.path.size(); slash = f.path.find('/', from)) {
      const size_t end = slash == std::string::npos ? f.path.size() : slash;
      texts.push_back(stem(f.path.substr(from, end - from)));
      from = end + 1;
    }
  }
  return texts;
}

}  // namespace

PackageForm ReadPackageForm(const BatchContext& ctx, const Package& package, const OpenedFiles& opened,
                            const FormPages& pages, FormScan scan, OcrEngine* ocr) {
  PackageForm form;
  form.scanned = std::move(scan.decided);
  if (form.scanned && !pages.stray.empty() && pages.scans.size() > 1) {
    FormReading together;
    OcrPurpose purpose(ocr, "pages together");
    if (ctx.form_reader->AssembleScanned(scan.PagesOf(pages.scans), ocr, &together).ok() &&
        together.fields.size() >= form.scanned->fields.size())
      form.scanned = std::move(together);
  }
  if (form.scanned) ctx.form_reader->CorrectNames(TypedTexts(package), &*form.scanned);
  if (pages.electronic) {
    FormReading typed;
    if (ctx.form_reader->ReadElectronic(opened.files[*pages.electronic].doc, package.files[*pages.electronic].path,
                                        &typed).ok())
      form.typed = std::move(typed);
  }
  return form;
}

FormFields NormalizeForm(const BatchContext& ctx, const PackageForm& form) {
  FormFields out;
  if (form.scanned) {
    ctx.normalizer->Normalize(*form.scanned, &out.fields, &out.findings);
  } else {
    ctx.normalizer->Normalize(form.typed ? *form.typed : FormReading(), &out.fields, &out.findings);
  }
  if (form.scanned && form.typed) {
    std::map<std::string, FieldValue> typed_fields;
    std::vector<Finding> typed_findings;
    ctx.normalizer->Normalize(*form.typed, &typed_fields, &typed_findings);
    MergeTypedCopy(ctx.templates, ctx.normalizer->settings().doubtful_reading_threshold, typed_fields,
                   typed_findings, &out.fields, &out.findings);
  }
  return out;
}

}  // namespace gm
