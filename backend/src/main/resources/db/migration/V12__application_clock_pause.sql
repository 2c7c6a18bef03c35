-- Working days the application's clock stood still while the applicant was asked for a correction (补正): the
-- promised completion date moves by them. A correction still open counts from its request until today.
ALTER TABLE application ADD COLUMN clock_paused_days INT NOT NULL DEFAULT 0;
