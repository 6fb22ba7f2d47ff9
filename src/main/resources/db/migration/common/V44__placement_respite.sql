-- Placement (issue 7, PLC-11, 002 §6.2): respite places ("avlösning") are booked without the name:
-- a booking holds the home, the dates and the case, and every list shows the case number only.
create table respite_booking (
    id           uuid primary key,
    unit_id      uuid        not null references unit (id),
    case_id      uuid        not null references care_case (id),
    from_date    date        not null,
    to_date      date        not null,
    booked_by    uuid        not null references app_user (id),
    booked_at    timestamp with time zone not null,
    cancelled_at timestamp with time zone,
    constraint respite_booking_period check (to_date >= from_date)
);
-- The lists: a home's coming bookings, and all coming bookings for the coordinators.
create index respite_booking_unit on respite_booking (unit_id, to_date);
create index respite_booking_to on respite_booking (to_date);
