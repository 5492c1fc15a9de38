use async_graphql::Enum;

use crate::services::follows::Level;

/// How much the viewer hears about a thread or a community.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum NotificationLevel {
    /// Every reply in a thread; every new thread and FAQ change in a community.
    Watching,
    /// What is addressed to you; in a community, also FAQ changes.
    Tracking,
    /// Only what is addressed to you (mentions, your answer accepted, official answers to
    /// your questions).
    Normal,
    /// Nothing at all (a muted community also mutes its threads you set no level for).
    Muted,
}

impl From<NotificationLevel> for Level {
    fn from(l: NotificationLevel) -> Level {
        match l {
            NotificationLevel::Watching => Level::Watching,
            NotificationLevel::Tracking => Level::Tracking,
            NotificationLevel::Normal => Level::Normal,
            NotificationLevel::Muted => Level::Muted,
        }
    }
}

impl From<Level> for NotificationLevel {
    fn from(l: Level) -> NotificationLevel {
        match l {
            Level::Watching => NotificationLevel::Watching,
            Level::Tracking => NotificationLevel::Tracking,
            Level::Normal => NotificationLevel::Normal,
            Level::Muted => NotificationLevel::Muted,
        }
    }
}
