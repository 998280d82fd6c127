-- The deciding authority's name as the certificate prints it (e.g. "Ủy ban nhân dân tỉnh Minh Hoạ").
ALTER TABLE nomination ADD COLUMN authority_name varchar(200);
