-- What became of a partner's finding, followed from casework's CaseProgressed: registered by the
-- street (confirmed), voided (not confirmed), closed after rectification, and whether on time.
ALTER TABLE partner_finding ADD COLUMN registered_at timestamptz;
ALTER TABLE partner_finding ADD COLUMN voided_at timestamptz;
ALTER TABLE partner_finding ADD COLUMN closed_at timestamptz;
ALTER TABLE partner_finding ADD COLUMN closed_on_time boolean;
