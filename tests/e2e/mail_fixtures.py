"""E-mails for the mailbox, supplement and watch tests (issue 21), built from the
bundled sample 转发-平川萤石矿入库申请材料.eml: the application without its EIA
approval (scan0003.pdf), the 补充材料 that sends it later, and messages that
carry no application."""
import email, email.policy, email.utils, mailbox, os
from email.message import EmailMessage

SAMPLE = '转发-平川萤石矿入库申请材料.eml'
SENDER = '史立新 <gm6474@126.com>'
MISSING = 'scan0003.pdf'          # the EIA approval (eia_doc), required by the form

def sample_attachments(source):
    raw = open(os.path.join(source, 'samples/inbox', SAMPLE), 'rb').read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    out = {}
    for part in msg.walk():
        if part.is_multipart() or part.get_content_type() == 'message/rfc822': continue
        name = part.get_filename()
        if not name: continue
        if '\ufffd' in name or not name.isprintable(): name = '营业执照.pdf'   # a raw GBK name in the sample
        out[name] = part.get_payload(decode=True)
    return out

def message(subject, date, message_id, attachments, sender=SENDER, extra=None, body='请查收。'):
    m = EmailMessage()
    m['From'] = sender
    m['To'] = 'ku@gsgreenmine.gov.cn'
    m['Subject'] = subject
    m['Date'] = date
    m['Message-ID'] = message_id
    for k, v in (extra or {}).items():
        m[k] = v
    m.set_content(body)
    for name, data in attachments.items():
        maintype, subtype = ('application', 'zip') if name.endswith('.zip') else ('application', 'pdf')
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return m.as_bytes(policy=email.policy.SMTP)

def application(source, date='Wed, 12 Mar 2025 12:26:23 +0800'):
    """The application, without the EIA approval."""
    atts = {n: d for n, d in sample_attachments(source).items() if n != MISSING}
    return message('平川萤石矿历史遗留废石场整治项目入库申请材料', date, '<main-2025@126.com>', atts)

def supplement(source, date):
    """补充材料: only the EIA approval, no form."""
    return message('补充材料：平川萤石矿历史遗留废石场整治项目', date, '<supp-2025@126.com>',
                   {MISSING: sample_attachments(source)[MISSING]}, body='补充环评批复，请查收。')

def auto_reply():
    return message('自动回复：您的邮件已收到', 'Thu, 13 Mar 2025 08:00:00 +0800', '<auto-1@126.com>', {},
                   sender='办公室 <office@126.com>', extra={'Auto-Submitted': 'auto-replied'})

def newsletter(source):
    # Has a PDF, but is a newsletter: the list headers decide.
    return message('绿色矿山周报', 'Fri, 14 Mar 2025 08:00:00 +0800', '<news-1@list.cn>',
                   {'周报.pdf': sample_attachments(source)['项目备案证.pdf']},
                   sender='周报 <news@list.cn>', extra={'List-Unsubscribe': '<mailto:unsub@list.cn>'})

def bounce(source):
    """A delivery report that carries the application it bounces: not an application."""
    m = EmailMessage()
    m['From'] = 'MAILER-DAEMON@126.com'
    m['To'] = 'ku@gsgreenmine.gov.cn'
    m['Subject'] = 'Undelivered Mail Returned to Sender'
    m['Date'] = 'Sat, 15 Mar 2025 08:00:00 +0800'
    m['Message-ID'] = '<bounce-1@126.com>'
    m.set_content('delivery failed')
    inner = email.message_from_bytes(application(source), policy=email.policy.default)
    m.add_attachment(inner)
    m.replace_header('Content-Type', m['Content-Type'].replace('multipart/mixed', 'multipart/report'))
    return m.as_bytes(policy=email.policy.SMTP)

def write_mbox(path, messages):
    box = mailbox.mbox(path)
    for raw in messages:
        box.add(mailbox.mboxMessage(raw))
    box.flush()
    box.close()

def make_maildir(path):
    for sub in ('cur', 'new', 'tmp'):
        os.makedirs(os.path.join(path, sub), exist_ok=True)

def deliver(maildir, name, raw, sub='new'):
    """As an MDA does: write into tmp/, then rename into new/ (or cur/)."""
    tmp = os.path.join(maildir, 'tmp', name)
    with open(tmp, 'wb') as f:
        f.write(raw)
    os.rename(tmp, os.path.join(maildir, sub, name))
