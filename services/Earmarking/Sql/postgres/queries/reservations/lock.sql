-- Takes the reservation's row lock; read it afterwards with reservations.get.
SELECT count(*) FROM (SELECT 1 FROM reservations WHERE request_id = @RequestId FOR UPDATE) AS locked;
