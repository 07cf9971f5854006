-- Issue 15: a party cell works under its own regulation or, when it has none, under the model regulation for cells
-- that a superior committee issues ('cells'): the nearest superior's model governs its cells' meetings.
alter table regulation add column applies_to text not null default 'own' check (applies_to in ('own', 'cells'));
create index regulation_model_idx on regulation (org_id) where applies_to = 'cells';
