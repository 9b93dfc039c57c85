-- An entry's optional short version for the SMS channel; empty when it has none (SMS then uses the script).
ALTER TABLE entries ADD COLUMN sms_script TEXT NOT NULL DEFAULT '';
