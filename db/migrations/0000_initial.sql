CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_user_id` integer,
	`actor_party` text,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`review_id` integer,
	`ip` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_events_at` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_action` ON `audit_events` (`action`);--> statement-breakpoint
CREATE INDEX `audit_events_review` ON `audit_events` (`review_id`);--> statement-breakpoint
CREATE TABLE `cluster_articles` (
	`cluster` text NOT NULL,
	`instrument` text NOT NULL,
	`article` integer NOT NULL,
	PRIMARY KEY(`instrument`, `article`),
	FOREIGN KEY (`cluster`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `clusters` (
	`id` text PRIMARY KEY NOT NULL,
	`theme` text NOT NULL,
	`sourced` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`kind` text NOT NULL,
	`pointer` text,
	`author_user_id` integer NOT NULL,
	`author_party` text,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_review` ON `comments` (`review_id`);--> statement-breakpoint
CREATE TABLE `draws` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phase_id` integer NOT NULL,
	`group_no` integer NOT NULL,
	`seed` text NOT NULL,
	`inputs` text NOT NULL,
	`result` text NOT NULL,
	`review_id` integer,
	`actor_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`phase_id`) REFERENCES `phases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `instrument_articles` (
	`instrument` text NOT NULL,
	`article` integer NOT NULL,
	`title` text NOT NULL,
	PRIMARY KEY(`instrument`, `article`),
	FOREIGN KEY (`instrument`) REFERENCES `instruments`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `instruments` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`adopted_in` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`party` text NOT NULL,
	`role` text NOT NULL,
	`review_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party`) REFERENCES `parties`(`iso3`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_user` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE INDEX `memberships_party` ON `memberships` (`party`);--> statement-breakpoint
CREATE TABLE `parties` (
	`iso3` text PRIMARY KEY NOT NULL,
	`iso2` text,
	`name_en` text NOT NULL,
	`regional_group` text,
	`un_member` integer NOT NULL,
	`kind` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `party_instruments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party` text NOT NULL,
	`instrument` text NOT NULL,
	`status` text NOT NULL,
	`since` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`party`) REFERENCES `parties`(`iso3`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument`) REFERENCES `instruments`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `party_instruments_party` ON `party_instruments` (`party`,`instrument`);--> statement-breakpoint
CREATE TABLE `party_names` (
	`party` text NOT NULL,
	`lang` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`party`, `lang`),
	FOREIGN KEY (`party`) REFERENCES `parties`(`iso3`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `phases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cluster` text NOT NULL,
	`sequence` integer NOT NULL,
	`group_no` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	FOREIGN KEY (`cluster`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `phases_sequence_group` ON `phases` (`sequence`,`group_no`);--> statement-breakpoint
CREATE TABLE `questionnaire_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`cluster` text,
	`title` text NOT NULL,
	`hash` text NOT NULL,
	`content` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_versions_key_version` ON `questionnaire_versions` (`key`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_versions_hash` ON `questionnaire_versions` (`hash`);--> statement-breakpoint
CREATE TABLE `response_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`number` integer NOT NULL,
	`author_user_id` integer NOT NULL,
	`data` text NOT NULL,
	`valid` integer NOT NULL,
	`error_count` integer NOT NULL,
	`submitted` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `response_revisions_review_number` ON `response_revisions` (`review_id`,`number`);--> statement-breakpoint
CREATE TABLE `review_deadlines` (
	`review_id` integer NOT NULL,
	`step` text NOT NULL,
	`due_on` text NOT NULL,
	`completed_at` text,
	PRIMARY KEY(`review_id`, `step`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_groups` (
	`party` text PRIMARY KEY NOT NULL,
	`group_no` integer NOT NULL,
	FOREIGN KEY (`party`) REFERENCES `parties`(`iso3`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`from_step` text,
	`to_step` text NOT NULL,
	`actor_user_id` integer,
	`reason` text,
	`at` text NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_transitions_review` ON `review_transitions` (`review_id`);--> statement-breakpoint
CREATE TABLE `reviewer_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`reviewer_party` text NOT NULL,
	`instruments` text NOT NULL,
	`basis` text NOT NULL,
	`draw_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_party`) REFERENCES `parties`(`iso3`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`draw_id`) REFERENCES `draws`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reviewer_assignments_review` ON `reviewer_assignments` (`review_id`);--> statement-breakpoint
CREATE INDEX `reviewer_assignments_party` ON `reviewer_assignments` (`reviewer_party`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party` text NOT NULL,
	`phase_id` integer NOT NULL,
	`questionnaire_version_id` integer NOT NULL,
	`step` text NOT NULL,
	`launched_on` text NOT NULL,
	`publication_consent` integer DEFAULT false NOT NULL,
	`redraws_used` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`party`) REFERENCES `parties`(`iso3`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`phase_id`) REFERENCES `phases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`questionnaire_version_id`) REFERENCES `questionnaire_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_party_phase` ON `reviews` (`party`,`phase_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text,
	`is_secretariat` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'invited' NOT NULL,
	`preferred_lang` text DEFAULT 'en' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);