import { ConcreteHyperlink, TextRun, type IContext, type IXmlableObject } from 'docx';

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/**
 * A link to an address outside the document. docx's ExternalHyperlink names its relationship with a random id, so
 * the same document would get other bytes every time; this one is given its id, and adds its relationship (once per
 * part it is written to) as it is written, as ExternalHyperlink does.
 */
class NumberedHyperlink extends ConcreteHyperlink {
  private readonly written = new WeakSet<object>();

  constructor(
    text: string,
    id: string,
    private readonly address: string,
  ) {
    super([new TextRun({ text, style: 'Hyperlink' })], id);
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const relationships = context.viewWrapper.Relationships;
    if (!this.written.has(relationships)) {
      relationships.addRelationship(this.linkId, HYPERLINK, this.address, 'External');
      this.written.add(relationships);
    }
    return super.prepForXml(context);
  }
}

/** Makes the links of one document: »Lovgrundlag1«, »Lovgrundlag2«, … in document order, so the same document gives the same bytes. */
export type Hyperlinks = (text: string, address: string) => ConcreteHyperlink;

export function hyperlinks(prefix: string): Hyperlinks {
  let count = 0;
  return (text, address) => new NumberedHyperlink(text, `${prefix}${++count}`, address);
}
