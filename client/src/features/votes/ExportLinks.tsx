/** A vote export as CSV and as PDF: two download links side by side; `testId` names the CSV one, `${testId}-pdf` the PDF. */
export function ExportLinks({ csv, pdf, labels, variant, testId }: { csv: string; pdf: string; labels: { csv: string; pdf: string }; variant: 'ghost' | 'secondary'; testId?: string }) {
  return (
    <>
      <a className={`btn btn--${variant}`} href={csv} download data-testid={testId}>
        {labels.csv}
      </a>
      <a className={`btn btn--${variant}`} href={pdf} download data-testid={testId && `${testId}-pdf`}>
        {labels.pdf}
      </a>
    </>
  );
}
