/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment Viewer on User {\n    id\n    displayName\n    role\n    jobTitle\n    email\n    emailVerified\n    approvalStatus\n    approvalReason\n    suspendedUntil\n    suspensionReason\n    comune {\n      istatCode\n      name\n      province\n      isPiccolo\n    }\n  }\n": typeof types.ViewerFragmentDoc,
    "\n  query Me {\n    me {\n      ...Viewer\n    }\n  }\n": typeof types.MeDocument,
    "\n  query MarkdownPreview($body: String!) {\n    previewMarkdown(body: $body)\n  }\n": typeof types.MarkdownPreviewDocument,
    "\n  query ComuniSearch($search: String!, $first: Int) {\n    comuni(search: $search, first: $first) {\n      istatCode\n      name\n      province\n      provinceCode\n      isPiccolo\n    }\n  }\n": typeof types.ComuniSearchDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      kind\n    }\n  }\n": typeof types.NotificationReceivedDocument,
    "\n  mutation ResendVerification {\n    resendVerification\n  }\n": typeof types.ResendVerificationDocument,
    "\n  fragment ThreadSummary on Thread {\n    id\n    kind\n    title\n    tags\n    createdAt\n    lastActivityAt\n    replyCount\n    isAnswered\n    pinned\n    locked\n    author {\n      id\n      displayName\n    }\n    community {\n      slug\n      name\n    }\n  }\n": typeof types.ThreadSummaryFragmentDoc,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user {\n        ...Viewer\n      }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...Viewer\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": typeof types.SignOutDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      approvalStatus\n      user {\n        id\n      }\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  query ApprovedEmailDomains {\n    approvedEmailDomains {\n      id\n      domain\n      comuneIstatCode\n      comune {\n        istatCode\n        name\n        provinceCode\n      }\n      createdAt\n    }\n  }\n": typeof types.ApprovedEmailDomainsDocument,
    "\n  mutation ApproveEmailDomain($domain: String!, $comuneIstatCode: String) {\n    approveEmailDomain(domain: $domain, comuneIstatCode: $comuneIstatCode) {\n      id\n      domain\n      comuneIstatCode\n    }\n  }\n": typeof types.ApproveEmailDomainDocument,
    "\n  mutation RemoveApprovedEmailDomain($id: ID!) {\n    removeApprovedEmailDomain(id: $id)\n  }\n": typeof types.RemoveApprovedEmailDomainDocument,
    "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.CreateCommunityDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      id\n      displayName\n      role\n    }\n  }\n": typeof types.SetUserRoleDocument,
    "\n  query UserByEmail($email: String!) {\n    userByEmail(email: $email) {\n      id\n    }\n  }\n": typeof types.UserByEmailDocument,
    "\n  query WatchedWords {\n    watchedWords {\n      id\n      pattern\n      action\n      createdAt\n    }\n  }\n": typeof types.WatchedWordsDocument,
    "\n  mutation SetWatchedWord($pattern: String!, $action: WatchedWordAction!) {\n    setWatchedWord(pattern: $pattern, action: $action) {\n      id\n      pattern\n      action\n    }\n  }\n": typeof types.SetWatchedWordDocument,
    "\n  mutation RemoveWatchedWord($id: ID!) {\n    removeWatchedWord(id: $id)\n  }\n": typeof types.RemoveWatchedWordDocument,
    "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateThreadDocument,
    "\n  query SimilarQuestions($title: String!, $communitySlug: String) {\n    similarQuestions(title: $title, communitySlug: $communitySlug, first: 5) {\n      id\n      title\n      isAnswered\n      kind\n      replyCount\n    }\n  }\n": typeof types.SimilarQuestionsDocument,
    "\n  query MyBookmarks($first: Int) {\n    myBookmarks(first: $first) {\n      edges {\n        node {\n          id\n          createdAt\n          thread {\n            ...ThreadSummary\n          }\n          post {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.MyBookmarksDocument,
    "\n  mutation RemoveBookmark($threadId: ID, $postId: ID) {\n    removeBookmark(threadId: $threadId, postId: $postId)\n  }\n": typeof types.RemoveBookmarkDocument,
    "\n  query CommunityLogAccess($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      name\n      viewerIsMember\n      viewerIsModerator\n    }\n  }\n": typeof types.CommunityLogAccessDocument,
    "\n  mutation SetCommunityNotificationLevel($slug: String!, $level: NotificationLevel!) {\n    setCommunityNotificationLevel(slug: $slug, level: $level) {\n      id\n      viewerNotificationLevel\n    }\n  }\n": typeof types.SetCommunityNotificationLevelDocument,
    "\n  query CommunityHeader($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      name\n      description\n      memberCount\n    }\n  }\n": typeof types.CommunityHeaderDocument,
    "\n  query CommunityViewer($slug: String!) {\n    community(slug: $slug) {\n      id\n      viewerIsMember\n      viewerIsModerator\n      viewerNotificationLevel\n      faqUnseenChanges\n    }\n  }\n": typeof types.CommunityViewerDocument,
    "\n  query FaqChangelog($slug: String!) {\n    community(slug: $slug) {\n      id\n      faqChangelog(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            version\n            changeNote\n            createdAt\n            editor {\n              id\n              displayName\n            }\n            entry {\n              id\n              question\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.FaqChangelogDocument,
    "\n  mutation MarkFaqSeen($slug: String!) {\n    markFaqSeen(slug: $slug) {\n      id\n      faqUnseenChanges\n      faqLastSeenAt\n    }\n  }\n": typeof types.MarkFaqSeenDocument,
    "\n  query CommunityFaq($slug: String!) {\n    community(slug: $slug) {\n      id\n      faq(first: 100) {\n        edges {\n          node {\n            id\n            question\n            answerHtml\n            status\n            version\n            tags\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.CommunityFaqDocument,
    "\n  query CommunityFaqViewer($slug: String!) {\n    community(slug: $slug) {\n      id\n      viewerCanEditFaq\n      faqUnseenChanges\n      faqLastSeenAt\n    }\n  }\n": typeof types.CommunityFaqViewerDocument,
    "\n  mutation JoinCommunity($slug: String!) {\n    joinCommunity(slug: $slug) {\n      id\n      viewerIsMember\n      memberCount\n    }\n  }\n": typeof types.JoinCommunityDocument,
    "\n  mutation LeaveCommunity($slug: String!) {\n    leaveCommunity(slug: $slug) {\n      id\n      viewerIsMember\n      memberCount\n    }\n  }\n": typeof types.LeaveCommunityDocument,
    "\n  mutation PublishFaqEntry($input: PublishFaqEntryInput!) {\n    publishFaqEntry(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.PublishFaqEntryDocument,
    "\n  query CommunityThreads($slug: String!, $first: Int, $after: String, $sort: ThreadSort, $filter: ThreadFilter) {\n    community(slug: $slug) {\n      id\n      threads(first: $first, after: $after, sort: $sort, filter: $filter) {\n        edges {\n          node {\n            ...ThreadSummary\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.CommunityThreadsDocument,
    "\n  subscription CommunityEvents($slug: String!) {\n    communityEvents(slug: $slug) {\n      kind\n      thread {\n        id\n        title\n      }\n    }\n  }\n": typeof types.CommunityEventsDocument,
    "\n  mutation UpdateFaqEntry($id: ID!, $input: UpdateFaqEntryInput!) {\n    updateFaqEntry(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateFaqEntryDocument,
    "\n  mutation PublishFaqDraft($id: ID!) {\n    publishFaqDraft(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PublishFaqDraftDocument,
    "\n  mutation WithdrawFaqEntry($id: ID!, $reason: String!) {\n    withdrawFaqEntry(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.WithdrawFaqEntryDocument,
    "\n  query FaqEntry($id: ID!) {\n    faqEntry(id: $id) {\n      id\n      question\n      answer\n      answerHtml\n      status\n      viewerCanEdit\n      version\n      tags\n      references\n      inForce\n      validFrom\n      validUntil\n      publishedAt\n      updatedAt\n      withdrawalReason\n      community {\n        slug\n        name\n      }\n      sourcePost {\n        id\n        thread {\n          id\n          title\n        }\n      }\n      revisions {\n        version\n        changeNote\n        createdAt\n        editor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.FaqEntryDocument,
    "\n  query FaqDiff($id: ID!, $from: Int!, $to: Int!) {\n    faqEntry(id: $id) {\n      id\n      diff(fromVersion: $from, toVersion: $to)\n    }\n  }\n": typeof types.FaqDiffDocument,
    "\n  query HomePage {\n    myCommunities {\n      ...CommunityCard\n    }\n    communities(first: 100) {\n      edges {\n        node {\n          ...CommunityCard\n        }\n      }\n    }\n  }\n\n  fragment CommunityCard on Community {\n    id\n    slug\n    name\n    description\n    memberCount\n  }\n": typeof types.HomePageDocument,
    "\n  query HomeFeed($first: Int, $after: String) {\n    homeFeed(first: $first, after: $after) {\n      edges {\n        node {\n          ...ThreadSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.HomeFeedDocument,
    "\n  query UnansweredQuestions {\n    communities(first: 25) {\n      edges {\n        node {\n          id\n          viewerIsMember\n          threads(first: 3, sort: LATEST, filter: { kind: QUESTION, unanswered: true }) {\n            edges {\n              node {\n                ...ThreadSummary\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.UnansweredQuestionsDocument,
    "\n  query MemberStanding($id: ID!) {\n    user(id: $id) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n": typeof types.MemberStandingDocument,
    "\n  mutation SuspendUser($userId: ID!, $until: DateTime!, $reason: String!) {\n    suspendUser(userId: $userId, until: $until, reason: $reason) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n": typeof types.SuspendUserDocument,
    "\n  mutation LiftSuspension($userId: ID!, $reason: String) {\n    liftSuspension(userId: $userId, reason: $reason) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n": typeof types.LiftSuspensionDocument,
    "\n  query ModerationLog($communitySlug: String) {\n    moderationLog(communitySlug: $communitySlug, first: 50) {\n      nodes {\n        id\n        kind\n        reason\n        createdAt\n        community {\n          name\n        }\n        moderator {\n          displayName\n        }\n        targetUser {\n          displayName\n        }\n        targetThread {\n          id\n          title\n        }\n        targetPost {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ModerationLogDocument,
    "\n  query ReviewQueue($communitySlug: String) {\n    reviewQueue(communitySlug: $communitySlug, first: 50) {\n      nodes {\n        ...ReviewItemFields\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  subscription ReviewQueueEvents($communitySlug: String) {\n    reviewQueueEvents(communitySlug: $communitySlug) {\n      item {\n        id\n        resolved\n      }\n    }\n  }\n": typeof types.ReviewQueueEventsDocument,
    "\n  fragment ReviewItemFields on ReviewItem {\n    id\n    kind\n    createdAt\n    reportCount\n    reasons\n    flaggedWords\n    community {\n      slug\n      name\n    }\n    user {\n      id\n      displayName\n      role\n      email\n      suspendedUntil\n      suspensionReason\n      comune {\n        name\n        provinceCode\n      }\n    }\n    thread {\n      id\n      title\n    }\n    post {\n      id\n      bodyHtml\n      moderationStatus\n    }\n    reports {\n      reason\n      note\n      createdAt\n      reporter {\n        displayName\n      }\n    }\n  }\n": typeof types.ReviewItemFieldsFragmentDoc,
    "\n  mutation ResolveReviewItem($id: ID!, $action: ReviewAction!, $reason: String) {\n    resolveReviewItem(id: $id, action: $action, reason: $reason) {\n      id\n      resolved\n    }\n  }\n": typeof types.ResolveReviewItemDocument,
    "\n  query ModeratedCommunities {\n    communities(first: 100) {\n      nodes {\n        id\n        slug\n        name\n        viewerIsModerator\n      }\n    }\n  }\n": typeof types.ModeratedCommunitiesDocument,
    "\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          read\n          createdAt\n          actor {\n            id\n            displayName\n          }\n          thread {\n            id\n            title\n          }\n          count\n          post {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  subscription NotificationArrived {\n    notificationReceived {\n      id\n    }\n  }\n": typeof types.NotificationArrivedDocument,
    "\n  query MyCommunityLevels {\n    myCommunities {\n      id\n      slug\n      name\n      viewerNotificationLevel\n    }\n  }\n": typeof types.MyCommunityLevelsDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...Viewer\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  query Profile {\n    me {\n      id\n      displayName\n      email\n      jobTitle\n      role\n      createdAt\n      comune {\n        istatCode\n        name\n        province\n        provinceCode\n        region\n        population\n        isPiccolo\n      }\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  query Search($query: String!, $communitySlug: String, $first: Int, $filter: SearchFilter) {\n    search(query: $query, communitySlug: $communitySlug, first: $first, filter: $filter) {\n      edges {\n        node {\n          titleHtml\n          snippetHtml\n          thread {\n            id\n            kind\n            isAnswered\n            community {\n              slug\n              name\n            }\n          }\n          post {\n            id\n          }\n          faqEntry {\n            id\n            status\n            community {\n              slug\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query SearchCommunities {\n    communities(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": typeof types.SearchCommunitiesDocument,
    "\n  mutation BookmarkThread($threadId: ID!) {\n    bookmark(threadId: $threadId) {\n      id\n      thread {\n        id\n        viewerHasBookmarked\n      }\n    }\n  }\n": typeof types.BookmarkThreadDocument,
    "\n  mutation RemoveThreadBookmark($threadId: ID!) {\n    removeBookmark(threadId: $threadId)\n  }\n": typeof types.RemoveThreadBookmarkDocument,
    "\n  mutation HidePost($id: ID!, $reason: String!) {\n    hidePost(id: $id, reason: $reason) {\n      id\n      moderationStatus\n    }\n  }\n": typeof types.HidePostDocument,
    "\n  mutation RestorePost($id: ID!, $reason: String!) {\n    restorePost(id: $id, reason: $reason) {\n      id\n      moderationStatus\n    }\n  }\n": typeof types.RestorePostDocument,
    "\n  mutation MoveThread($id: ID!, $communitySlug: String!, $reason: String!) {\n    moveThread(id: $id, communitySlug: $communitySlug, reason: $reason) {\n      id\n      community {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.MoveThreadDocument,
    "\n  fragment PostFields on Post {\n    id\n    body\n    bodyHtml\n    createdAt\n    editedAt\n    score\n    isAccepted\n    isOfficial\n    isDeleted\n    moderationStatus\n    promotedToFaq {\n      id\n      question\n      status\n    }\n    author {\n      id\n      displayName\n      jobTitle\n      role\n      comune {\n        name\n        provinceCode\n        isPiccolo\n      }\n    }\n  }\n": typeof types.PostFieldsFragmentDoc,
    "\n  fragment PostViewerFields on Post {\n    id\n    viewerVote\n    viewerCanEdit\n    moderationReason\n  }\n": typeof types.PostViewerFieldsFragmentDoc,
    "\n  mutation EditPost($id: ID!, $body: String!) {\n    editPost(id: $id, body: $body) {\n      ...PostFields\n    }\n  }\n": typeof types.EditPostDocument,
    "\n  mutation DeletePost($id: ID!) {\n    deletePost(id: $id) {\n      id\n    }\n  }\n": typeof types.DeletePostDocument,
    "\n  mutation AcceptAnswer($postId: ID!) {\n    acceptAnswer(postId: $postId) {\n      id\n      isAnswered\n    }\n  }\n": typeof types.AcceptAnswerDocument,
    "\n  mutation MarkOfficialAnswer($postId: ID!) {\n    markOfficialAnswer(postId: $postId) {\n      id\n      isOfficial\n    }\n  }\n": typeof types.MarkOfficialAnswerDocument,
    "\n  mutation PromotePostToFaq($postId: ID!, $question: String!) {\n    promotePostToFaq(postId: $postId, question: $question, publish: false) {\n      id\n    }\n  }\n": typeof types.PromotePostToFaqDocument,
    "\n  query ThreadReplies($id: ID!, $first: Int, $after: String, $sort: PostSort) {\n    thread(id: $id) {\n      id\n      posts(first: $first, after: $after, sort: $sort) {\n        edges {\n          node {\n            ...PostFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ThreadRepliesDocument,
    "\n  query ThreadRepliesViewer($id: ID!, $first: Int, $after: String, $sort: PostSort) {\n    thread(id: $id) {\n      id\n      posts(first: $first, after: $after, sort: $sort) {\n        edges {\n          node {\n            ...PostViewerFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ThreadRepliesViewerDocument,
    "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePostDocument,
    "\n  mutation ReportPost($postId: ID!, $reason: ReportReason!, $note: String) {\n    reportPost(postId: $postId, reason: $reason, note: $note)\n  }\n": typeof types.ReportPostDocument,
    "\n  query PostRevisions($id: ID!) {\n    post(id: $id) {\n      id\n      revisions {\n        version\n        body\n        editedAt\n        editor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.PostRevisionsDocument,
    "\n  mutation LockThread($id: ID!, $locked: Boolean!, $reason: String) {\n    lockThread(id: $id, locked: $locked, reason: $reason) {\n      id\n      locked\n    }\n  }\n": typeof types.LockThreadDocument,
    "\n  mutation PinThread($id: ID!, $pinned: Boolean!, $reason: String) {\n    pinThread(id: $id, pinned: $pinned, reason: $reason) {\n      id\n      pinned\n    }\n  }\n": typeof types.PinThreadDocument,
    "\n  mutation CloseThreadAsDuplicate($id: ID!, $threadId: ID, $faqEntryId: ID, $reason: String) {\n    closeThreadAsDuplicate(id: $id, duplicateOfThreadId: $threadId, duplicateOfFaqEntryId: $faqEntryId, reason: $reason) {\n      id\n      closedAsDuplicate\n    }\n  }\n": typeof types.CloseThreadAsDuplicateDocument,
    "\n  mutation ReopenThread($id: ID!, $reason: String) {\n    reopenThread(id: $id, reason: $reason) {\n      id\n      closedAsDuplicate\n    }\n  }\n": typeof types.ReopenThreadDocument,
    "\n  mutation SetThreadNotificationLevel($threadId: ID!, $level: NotificationLevel!) {\n    setThreadNotificationLevel(threadId: $threadId, level: $level) {\n      id\n      viewerNotificationLevel\n    }\n  }\n": typeof types.SetThreadNotificationLevelDocument,
    "\n  query Thread($id: ID!) {\n    thread(id: $id) {\n      id\n      kind\n      title\n      tags\n      createdAt\n      replyCount\n      isAnswered\n      locked\n      pinned\n      closedAsDuplicate\n      duplicateOf {\n        id\n        title\n      }\n      duplicateOfFaqEntry {\n        id\n        question\n      }\n      community {\n        id\n        slug\n        name\n      }\n      author {\n        id\n      }\n      firstPost {\n        ...PostFields\n      }\n    }\n  }\n": typeof types.ThreadDocument,
    "\n  query ThreadViewer($id: ID!) {\n    thread(id: $id) {\n      id\n      viewerHasBookmarked\n      viewerNotificationLevel\n      community {\n        id\n        viewerIsModerator\n        viewerCanEditFaq\n      }\n      firstPost {\n        ...PostViewerFields\n      }\n    }\n  }\n": typeof types.ThreadViewerDocument,
    "\n  subscription ThreadEvents($threadId: ID!) {\n    threadEvents(threadId: $threadId) {\n      kind\n      post {\n        id\n        author {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.ThreadEventsDocument,
    "\n  mutation Vote($postId: ID!, $value: Int!) {\n    vote(postId: $postId, value: $value) {\n      id\n      score\n      viewerVote\n    }\n  }\n": typeof types.VoteDocument,
};
const documents: Documents = {
    "\n  fragment Viewer on User {\n    id\n    displayName\n    role\n    jobTitle\n    email\n    emailVerified\n    approvalStatus\n    approvalReason\n    suspendedUntil\n    suspensionReason\n    comune {\n      istatCode\n      name\n      province\n      isPiccolo\n    }\n  }\n": types.ViewerFragmentDoc,
    "\n  query Me {\n    me {\n      ...Viewer\n    }\n  }\n": types.MeDocument,
    "\n  query MarkdownPreview($body: String!) {\n    previewMarkdown(body: $body)\n  }\n": types.MarkdownPreviewDocument,
    "\n  query ComuniSearch($search: String!, $first: Int) {\n    comuni(search: $search, first: $first) {\n      istatCode\n      name\n      province\n      provinceCode\n      isPiccolo\n    }\n  }\n": types.ComuniSearchDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      kind\n    }\n  }\n": types.NotificationReceivedDocument,
    "\n  mutation ResendVerification {\n    resendVerification\n  }\n": types.ResendVerificationDocument,
    "\n  fragment ThreadSummary on Thread {\n    id\n    kind\n    title\n    tags\n    createdAt\n    lastActivityAt\n    replyCount\n    isAnswered\n    pinned\n    locked\n    author {\n      id\n      displayName\n    }\n    community {\n      slug\n      name\n    }\n  }\n": types.ThreadSummaryFragmentDoc,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user {\n        ...Viewer\n      }\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...Viewer\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": types.SignOutDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      approvalStatus\n      user {\n        id\n      }\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  query ApprovedEmailDomains {\n    approvedEmailDomains {\n      id\n      domain\n      comuneIstatCode\n      comune {\n        istatCode\n        name\n        provinceCode\n      }\n      createdAt\n    }\n  }\n": types.ApprovedEmailDomainsDocument,
    "\n  mutation ApproveEmailDomain($domain: String!, $comuneIstatCode: String) {\n    approveEmailDomain(domain: $domain, comuneIstatCode: $comuneIstatCode) {\n      id\n      domain\n      comuneIstatCode\n    }\n  }\n": types.ApproveEmailDomainDocument,
    "\n  mutation RemoveApprovedEmailDomain($id: ID!) {\n    removeApprovedEmailDomain(id: $id)\n  }\n": types.RemoveApprovedEmailDomainDocument,
    "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n": types.CreateCommunityDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      id\n      displayName\n      role\n    }\n  }\n": types.SetUserRoleDocument,
    "\n  query UserByEmail($email: String!) {\n    userByEmail(email: $email) {\n      id\n    }\n  }\n": types.UserByEmailDocument,
    "\n  query WatchedWords {\n    watchedWords {\n      id\n      pattern\n      action\n      createdAt\n    }\n  }\n": types.WatchedWordsDocument,
    "\n  mutation SetWatchedWord($pattern: String!, $action: WatchedWordAction!) {\n    setWatchedWord(pattern: $pattern, action: $action) {\n      id\n      pattern\n      action\n    }\n  }\n": types.SetWatchedWordDocument,
    "\n  mutation RemoveWatchedWord($id: ID!) {\n    removeWatchedWord(id: $id)\n  }\n": types.RemoveWatchedWordDocument,
    "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      id\n    }\n  }\n": types.CreateThreadDocument,
    "\n  query SimilarQuestions($title: String!, $communitySlug: String) {\n    similarQuestions(title: $title, communitySlug: $communitySlug, first: 5) {\n      id\n      title\n      isAnswered\n      kind\n      replyCount\n    }\n  }\n": types.SimilarQuestionsDocument,
    "\n  query MyBookmarks($first: Int) {\n    myBookmarks(first: $first) {\n      edges {\n        node {\n          id\n          createdAt\n          thread {\n            ...ThreadSummary\n          }\n          post {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.MyBookmarksDocument,
    "\n  mutation RemoveBookmark($threadId: ID, $postId: ID) {\n    removeBookmark(threadId: $threadId, postId: $postId)\n  }\n": types.RemoveBookmarkDocument,
    "\n  query CommunityLogAccess($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      name\n      viewerIsMember\n      viewerIsModerator\n    }\n  }\n": types.CommunityLogAccessDocument,
    "\n  mutation SetCommunityNotificationLevel($slug: String!, $level: NotificationLevel!) {\n    setCommunityNotificationLevel(slug: $slug, level: $level) {\n      id\n      viewerNotificationLevel\n    }\n  }\n": types.SetCommunityNotificationLevelDocument,
    "\n  query CommunityHeader($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      name\n      description\n      memberCount\n    }\n  }\n": types.CommunityHeaderDocument,
    "\n  query CommunityViewer($slug: String!) {\n    community(slug: $slug) {\n      id\n      viewerIsMember\n      viewerIsModerator\n      viewerNotificationLevel\n      faqUnseenChanges\n    }\n  }\n": types.CommunityViewerDocument,
    "\n  query FaqChangelog($slug: String!) {\n    community(slug: $slug) {\n      id\n      faqChangelog(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            version\n            changeNote\n            createdAt\n            editor {\n              id\n              displayName\n            }\n            entry {\n              id\n              question\n            }\n          }\n        }\n      }\n    }\n  }\n": types.FaqChangelogDocument,
    "\n  mutation MarkFaqSeen($slug: String!) {\n    markFaqSeen(slug: $slug) {\n      id\n      faqUnseenChanges\n      faqLastSeenAt\n    }\n  }\n": types.MarkFaqSeenDocument,
    "\n  query CommunityFaq($slug: String!) {\n    community(slug: $slug) {\n      id\n      faq(first: 100) {\n        edges {\n          node {\n            id\n            question\n            answerHtml\n            status\n            version\n            tags\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n": types.CommunityFaqDocument,
    "\n  query CommunityFaqViewer($slug: String!) {\n    community(slug: $slug) {\n      id\n      viewerCanEditFaq\n      faqUnseenChanges\n      faqLastSeenAt\n    }\n  }\n": types.CommunityFaqViewerDocument,
    "\n  mutation JoinCommunity($slug: String!) {\n    joinCommunity(slug: $slug) {\n      id\n      viewerIsMember\n      memberCount\n    }\n  }\n": types.JoinCommunityDocument,
    "\n  mutation LeaveCommunity($slug: String!) {\n    leaveCommunity(slug: $slug) {\n      id\n      viewerIsMember\n      memberCount\n    }\n  }\n": types.LeaveCommunityDocument,
    "\n  mutation PublishFaqEntry($input: PublishFaqEntryInput!) {\n    publishFaqEntry(input: $input) {\n      id\n      status\n    }\n  }\n": types.PublishFaqEntryDocument,
    "\n  query CommunityThreads($slug: String!, $first: Int, $after: String, $sort: ThreadSort, $filter: ThreadFilter) {\n    community(slug: $slug) {\n      id\n      threads(first: $first, after: $after, sort: $sort, filter: $filter) {\n        edges {\n          node {\n            ...ThreadSummary\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.CommunityThreadsDocument,
    "\n  subscription CommunityEvents($slug: String!) {\n    communityEvents(slug: $slug) {\n      kind\n      thread {\n        id\n        title\n      }\n    }\n  }\n": types.CommunityEventsDocument,
    "\n  mutation UpdateFaqEntry($id: ID!, $input: UpdateFaqEntryInput!) {\n    updateFaqEntry(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateFaqEntryDocument,
    "\n  mutation PublishFaqDraft($id: ID!) {\n    publishFaqDraft(id: $id) {\n      id\n      status\n    }\n  }\n": types.PublishFaqDraftDocument,
    "\n  mutation WithdrawFaqEntry($id: ID!, $reason: String!) {\n    withdrawFaqEntry(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.WithdrawFaqEntryDocument,
    "\n  query FaqEntry($id: ID!) {\n    faqEntry(id: $id) {\n      id\n      question\n      answer\n      answerHtml\n      status\n      viewerCanEdit\n      version\n      tags\n      references\n      inForce\n      validFrom\n      validUntil\n      publishedAt\n      updatedAt\n      withdrawalReason\n      community {\n        slug\n        name\n      }\n      sourcePost {\n        id\n        thread {\n          id\n          title\n        }\n      }\n      revisions {\n        version\n        changeNote\n        createdAt\n        editor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.FaqEntryDocument,
    "\n  query FaqDiff($id: ID!, $from: Int!, $to: Int!) {\n    faqEntry(id: $id) {\n      id\n      diff(fromVersion: $from, toVersion: $to)\n    }\n  }\n": types.FaqDiffDocument,
    "\n  query HomePage {\n    myCommunities {\n      ...CommunityCard\n    }\n    communities(first: 100) {\n      edges {\n        node {\n          ...CommunityCard\n        }\n      }\n    }\n  }\n\n  fragment CommunityCard on Community {\n    id\n    slug\n    name\n    description\n    memberCount\n  }\n": types.HomePageDocument,
    "\n  query HomeFeed($first: Int, $after: String) {\n    homeFeed(first: $first, after: $after) {\n      edges {\n        node {\n          ...ThreadSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.HomeFeedDocument,
    "\n  query UnansweredQuestions {\n    communities(first: 25) {\n      edges {\n        node {\n          id\n          viewerIsMember\n          threads(first: 3, sort: LATEST, filter: { kind: QUESTION, unanswered: true }) {\n            edges {\n              node {\n                ...ThreadSummary\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.UnansweredQuestionsDocument,
    "\n  query MemberStanding($id: ID!) {\n    user(id: $id) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n": types.MemberStandingDocument,
    "\n  mutation SuspendUser($userId: ID!, $until: DateTime!, $reason: String!) {\n    suspendUser(userId: $userId, until: $until, reason: $reason) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n": types.SuspendUserDocument,
    "\n  mutation LiftSuspension($userId: ID!, $reason: String) {\n    liftSuspension(userId: $userId, reason: $reason) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n": types.LiftSuspensionDocument,
    "\n  query ModerationLog($communitySlug: String) {\n    moderationLog(communitySlug: $communitySlug, first: 50) {\n      nodes {\n        id\n        kind\n        reason\n        createdAt\n        community {\n          name\n        }\n        moderator {\n          displayName\n        }\n        targetUser {\n          displayName\n        }\n        targetThread {\n          id\n          title\n        }\n        targetPost {\n          id\n        }\n      }\n    }\n  }\n": types.ModerationLogDocument,
    "\n  query ReviewQueue($communitySlug: String) {\n    reviewQueue(communitySlug: $communitySlug, first: 50) {\n      nodes {\n        ...ReviewItemFields\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  subscription ReviewQueueEvents($communitySlug: String) {\n    reviewQueueEvents(communitySlug: $communitySlug) {\n      item {\n        id\n        resolved\n      }\n    }\n  }\n": types.ReviewQueueEventsDocument,
    "\n  fragment ReviewItemFields on ReviewItem {\n    id\n    kind\n    createdAt\n    reportCount\n    reasons\n    flaggedWords\n    community {\n      slug\n      name\n    }\n    user {\n      id\n      displayName\n      role\n      email\n      suspendedUntil\n      suspensionReason\n      comune {\n        name\n        provinceCode\n      }\n    }\n    thread {\n      id\n      title\n    }\n    post {\n      id\n      bodyHtml\n      moderationStatus\n    }\n    reports {\n      reason\n      note\n      createdAt\n      reporter {\n        displayName\n      }\n    }\n  }\n": types.ReviewItemFieldsFragmentDoc,
    "\n  mutation ResolveReviewItem($id: ID!, $action: ReviewAction!, $reason: String) {\n    resolveReviewItem(id: $id, action: $action, reason: $reason) {\n      id\n      resolved\n    }\n  }\n": types.ResolveReviewItemDocument,
    "\n  query ModeratedCommunities {\n    communities(first: 100) {\n      nodes {\n        id\n        slug\n        name\n        viewerIsModerator\n      }\n    }\n  }\n": types.ModeratedCommunitiesDocument,
    "\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          read\n          createdAt\n          actor {\n            id\n            displayName\n          }\n          thread {\n            id\n            title\n          }\n          count\n          post {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  subscription NotificationArrived {\n    notificationReceived {\n      id\n    }\n  }\n": types.NotificationArrivedDocument,
    "\n  query MyCommunityLevels {\n    myCommunities {\n      id\n      slug\n      name\n      viewerNotificationLevel\n    }\n  }\n": types.MyCommunityLevelsDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...Viewer\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  query Profile {\n    me {\n      id\n      displayName\n      email\n      jobTitle\n      role\n      createdAt\n      comune {\n        istatCode\n        name\n        province\n        provinceCode\n        region\n        population\n        isPiccolo\n      }\n    }\n  }\n": types.ProfileDocument,
    "\n  query Search($query: String!, $communitySlug: String, $first: Int, $filter: SearchFilter) {\n    search(query: $query, communitySlug: $communitySlug, first: $first, filter: $filter) {\n      edges {\n        node {\n          titleHtml\n          snippetHtml\n          thread {\n            id\n            kind\n            isAnswered\n            community {\n              slug\n              name\n            }\n          }\n          post {\n            id\n          }\n          faqEntry {\n            id\n            status\n            community {\n              slug\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query SearchCommunities {\n    communities(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": types.SearchCommunitiesDocument,
    "\n  mutation BookmarkThread($threadId: ID!) {\n    bookmark(threadId: $threadId) {\n      id\n      thread {\n        id\n        viewerHasBookmarked\n      }\n    }\n  }\n": types.BookmarkThreadDocument,
    "\n  mutation RemoveThreadBookmark($threadId: ID!) {\n    removeBookmark(threadId: $threadId)\n  }\n": types.RemoveThreadBookmarkDocument,
    "\n  mutation HidePost($id: ID!, $reason: String!) {\n    hidePost(id: $id, reason: $reason) {\n      id\n      moderationStatus\n    }\n  }\n": types.HidePostDocument,
    "\n  mutation RestorePost($id: ID!, $reason: String!) {\n    restorePost(id: $id, reason: $reason) {\n      id\n      moderationStatus\n    }\n  }\n": types.RestorePostDocument,
    "\n  mutation MoveThread($id: ID!, $communitySlug: String!, $reason: String!) {\n    moveThread(id: $id, communitySlug: $communitySlug, reason: $reason) {\n      id\n      community {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.MoveThreadDocument,
    "\n  fragment PostFields on Post {\n    id\n    body\n    bodyHtml\n    createdAt\n    editedAt\n    score\n    isAccepted\n    isOfficial\n    isDeleted\n    moderationStatus\n    promotedToFaq {\n      id\n      question\n      status\n    }\n    author {\n      id\n      displayName\n      jobTitle\n      role\n      comune {\n        name\n        provinceCode\n        isPiccolo\n      }\n    }\n  }\n": types.PostFieldsFragmentDoc,
    "\n  fragment PostViewerFields on Post {\n    id\n    viewerVote\n    viewerCanEdit\n    moderationReason\n  }\n": types.PostViewerFieldsFragmentDoc,
    "\n  mutation EditPost($id: ID!, $body: String!) {\n    editPost(id: $id, body: $body) {\n      ...PostFields\n    }\n  }\n": types.EditPostDocument,
    "\n  mutation DeletePost($id: ID!) {\n    deletePost(id: $id) {\n      id\n    }\n  }\n": types.DeletePostDocument,
    "\n  mutation AcceptAnswer($postId: ID!) {\n    acceptAnswer(postId: $postId) {\n      id\n      isAnswered\n    }\n  }\n": types.AcceptAnswerDocument,
    "\n  mutation MarkOfficialAnswer($postId: ID!) {\n    markOfficialAnswer(postId: $postId) {\n      id\n      isOfficial\n    }\n  }\n": types.MarkOfficialAnswerDocument,
    "\n  mutation PromotePostToFaq($postId: ID!, $question: String!) {\n    promotePostToFaq(postId: $postId, question: $question, publish: false) {\n      id\n    }\n  }\n": types.PromotePostToFaqDocument,
    "\n  query ThreadReplies($id: ID!, $first: Int, $after: String, $sort: PostSort) {\n    thread(id: $id) {\n      id\n      posts(first: $first, after: $after, sort: $sort) {\n        edges {\n          node {\n            ...PostFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ThreadRepliesDocument,
    "\n  query ThreadRepliesViewer($id: ID!, $first: Int, $after: String, $sort: PostSort) {\n    thread(id: $id) {\n      id\n      posts(first: $first, after: $after, sort: $sort) {\n        edges {\n          node {\n            ...PostViewerFields\n          }\n        }\n      }\n    }\n  }\n": types.ThreadRepliesViewerDocument,
    "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      id\n    }\n  }\n": types.CreatePostDocument,
    "\n  mutation ReportPost($postId: ID!, $reason: ReportReason!, $note: String) {\n    reportPost(postId: $postId, reason: $reason, note: $note)\n  }\n": types.ReportPostDocument,
    "\n  query PostRevisions($id: ID!) {\n    post(id: $id) {\n      id\n      revisions {\n        version\n        body\n        editedAt\n        editor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.PostRevisionsDocument,
    "\n  mutation LockThread($id: ID!, $locked: Boolean!, $reason: String) {\n    lockThread(id: $id, locked: $locked, reason: $reason) {\n      id\n      locked\n    }\n  }\n": types.LockThreadDocument,
    "\n  mutation PinThread($id: ID!, $pinned: Boolean!, $reason: String) {\n    pinThread(id: $id, pinned: $pinned, reason: $reason) {\n      id\n      pinned\n    }\n  }\n": types.PinThreadDocument,
    "\n  mutation CloseThreadAsDuplicate($id: ID!, $threadId: ID, $faqEntryId: ID, $reason: String) {\n    closeThreadAsDuplicate(id: $id, duplicateOfThreadId: $threadId, duplicateOfFaqEntryId: $faqEntryId, reason: $reason) {\n      id\n      closedAsDuplicate\n    }\n  }\n": types.CloseThreadAsDuplicateDocument,
    "\n  mutation ReopenThread($id: ID!, $reason: String) {\n    reopenThread(id: $id, reason: $reason) {\n      id\n      closedAsDuplicate\n    }\n  }\n": types.ReopenThreadDocument,
    "\n  mutation SetThreadNotificationLevel($threadId: ID!, $level: NotificationLevel!) {\n    setThreadNotificationLevel(threadId: $threadId, level: $level) {\n      id\n      viewerNotificationLevel\n    }\n  }\n": types.SetThreadNotificationLevelDocument,
    "\n  query Thread($id: ID!) {\n    thread(id: $id) {\n      id\n      kind\n      title\n      tags\n      createdAt\n      replyCount\n      isAnswered\n      locked\n      pinned\n      closedAsDuplicate\n      duplicateOf {\n        id\n        title\n      }\n      duplicateOfFaqEntry {\n        id\n        question\n      }\n      community {\n        id\n        slug\n        name\n      }\n      author {\n        id\n      }\n      firstPost {\n        ...PostFields\n      }\n    }\n  }\n": types.ThreadDocument,
    "\n  query ThreadViewer($id: ID!) {\n    thread(id: $id) {\n      id\n      viewerHasBookmarked\n      viewerNotificationLevel\n      community {\n        id\n        viewerIsModerator\n        viewerCanEditFaq\n      }\n      firstPost {\n        ...PostViewerFields\n      }\n    }\n  }\n": types.ThreadViewerDocument,
    "\n  subscription ThreadEvents($threadId: ID!) {\n    threadEvents(threadId: $threadId) {\n      kind\n      post {\n        id\n        author {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.ThreadEventsDocument,
    "\n  mutation Vote($postId: ID!, $value: Int!) {\n    vote(postId: $postId, value: $value) {\n      id\n      score\n      viewerVote\n    }\n  }\n": types.VoteDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Viewer on User {\n    id\n    displayName\n    role\n    jobTitle\n    email\n    emailVerified\n    approvalStatus\n    approvalReason\n    suspendedUntil\n    suspensionReason\n    comune {\n      istatCode\n      name\n      province\n      isPiccolo\n    }\n  }\n"): (typeof documents)["\n  fragment Viewer on User {\n    id\n    displayName\n    role\n    jobTitle\n    email\n    emailVerified\n    approvalStatus\n    approvalReason\n    suspendedUntil\n    suspensionReason\n    comune {\n      istatCode\n      name\n      province\n      isPiccolo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...Viewer\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...Viewer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarkdownPreview($body: String!) {\n    previewMarkdown(body: $body)\n  }\n"): (typeof documents)["\n  query MarkdownPreview($body: String!) {\n    previewMarkdown(body: $body)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComuniSearch($search: String!, $first: Int) {\n    comuni(search: $search, first: $first) {\n      istatCode\n      name\n      province\n      provinceCode\n      isPiccolo\n    }\n  }\n"): (typeof documents)["\n  query ComuniSearch($search: String!, $first: Int) {\n    comuni(search: $search, first: $first) {\n      istatCode\n      name\n      province\n      provinceCode\n      isPiccolo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      kind\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerification {\n    resendVerification\n  }\n"): (typeof documents)["\n  mutation ResendVerification {\n    resendVerification\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThreadSummary on Thread {\n    id\n    kind\n    title\n    tags\n    createdAt\n    lastActivityAt\n    replyCount\n    isAnswered\n    pinned\n    locked\n    author {\n      id\n      displayName\n    }\n    community {\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ThreadSummary on Thread {\n    id\n    kind\n    title\n    tags\n    createdAt\n    lastActivityAt\n    replyCount\n    isAnswered\n    pinned\n    locked\n    author {\n      id\n      displayName\n    }\n    community {\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user {\n        ...Viewer\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user {\n        ...Viewer\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...Viewer\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...Viewer\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    logout\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      approvalStatus\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      approvalStatus\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovedEmailDomains {\n    approvedEmailDomains {\n      id\n      domain\n      comuneIstatCode\n      comune {\n        istatCode\n        name\n        provinceCode\n      }\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query ApprovedEmailDomains {\n    approvedEmailDomains {\n      id\n      domain\n      comuneIstatCode\n      comune {\n        istatCode\n        name\n        provinceCode\n      }\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveEmailDomain($domain: String!, $comuneIstatCode: String) {\n    approveEmailDomain(domain: $domain, comuneIstatCode: $comuneIstatCode) {\n      id\n      domain\n      comuneIstatCode\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveEmailDomain($domain: String!, $comuneIstatCode: String) {\n    approveEmailDomain(domain: $domain, comuneIstatCode: $comuneIstatCode) {\n      id\n      domain\n      comuneIstatCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveApprovedEmailDomain($id: ID!) {\n    removeApprovedEmailDomain(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveApprovedEmailDomain($id: ID!) {\n    removeApprovedEmailDomain(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      id\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      id\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserByEmail($email: String!) {\n    userByEmail(email: $email) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query UserByEmail($email: String!) {\n    userByEmail(email: $email) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WatchedWords {\n    watchedWords {\n      id\n      pattern\n      action\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query WatchedWords {\n    watchedWords {\n      id\n      pattern\n      action\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWatchedWord($pattern: String!, $action: WatchedWordAction!) {\n    setWatchedWord(pattern: $pattern, action: $action) {\n      id\n      pattern\n      action\n    }\n  }\n"): (typeof documents)["\n  mutation SetWatchedWord($pattern: String!, $action: WatchedWordAction!) {\n    setWatchedWord(pattern: $pattern, action: $action) {\n      id\n      pattern\n      action\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWatchedWord($id: ID!) {\n    removeWatchedWord(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveWatchedWord($id: ID!) {\n    removeWatchedWord(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarQuestions($title: String!, $communitySlug: String) {\n    similarQuestions(title: $title, communitySlug: $communitySlug, first: 5) {\n      id\n      title\n      isAnswered\n      kind\n      replyCount\n    }\n  }\n"): (typeof documents)["\n  query SimilarQuestions($title: String!, $communitySlug: String) {\n    similarQuestions(title: $title, communitySlug: $communitySlug, first: 5) {\n      id\n      title\n      isAnswered\n      kind\n      replyCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBookmarks($first: Int) {\n    myBookmarks(first: $first) {\n      edges {\n        node {\n          id\n          createdAt\n          thread {\n            ...ThreadSummary\n          }\n          post {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyBookmarks($first: Int) {\n    myBookmarks(first: $first) {\n      edges {\n        node {\n          id\n          createdAt\n          thread {\n            ...ThreadSummary\n          }\n          post {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveBookmark($threadId: ID, $postId: ID) {\n    removeBookmark(threadId: $threadId, postId: $postId)\n  }\n"): (typeof documents)["\n  mutation RemoveBookmark($threadId: ID, $postId: ID) {\n    removeBookmark(threadId: $threadId, postId: $postId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityLogAccess($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      name\n      viewerIsMember\n      viewerIsModerator\n    }\n  }\n"): (typeof documents)["\n  query CommunityLogAccess($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      name\n      viewerIsMember\n      viewerIsModerator\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCommunityNotificationLevel($slug: String!, $level: NotificationLevel!) {\n    setCommunityNotificationLevel(slug: $slug, level: $level) {\n      id\n      viewerNotificationLevel\n    }\n  }\n"): (typeof documents)["\n  mutation SetCommunityNotificationLevel($slug: String!, $level: NotificationLevel!) {\n    setCommunityNotificationLevel(slug: $slug, level: $level) {\n      id\n      viewerNotificationLevel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityHeader($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      name\n      description\n      memberCount\n    }\n  }\n"): (typeof documents)["\n  query CommunityHeader($slug: String!) {\n    community(slug: $slug) {\n      id\n      slug\n      name\n      description\n      memberCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityViewer($slug: String!) {\n    community(slug: $slug) {\n      id\n      viewerIsMember\n      viewerIsModerator\n      viewerNotificationLevel\n      faqUnseenChanges\n    }\n  }\n"): (typeof documents)["\n  query CommunityViewer($slug: String!) {\n    community(slug: $slug) {\n      id\n      viewerIsMember\n      viewerIsModerator\n      viewerNotificationLevel\n      faqUnseenChanges\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaqChangelog($slug: String!) {\n    community(slug: $slug) {\n      id\n      faqChangelog(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            version\n            changeNote\n            createdAt\n            editor {\n              id\n              displayName\n            }\n            entry {\n              id\n              question\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FaqChangelog($slug: String!) {\n    community(slug: $slug) {\n      id\n      faqChangelog(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            version\n            changeNote\n            createdAt\n            editor {\n              id\n              displayName\n            }\n            entry {\n              id\n              question\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkFaqSeen($slug: String!) {\n    markFaqSeen(slug: $slug) {\n      id\n      faqUnseenChanges\n      faqLastSeenAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkFaqSeen($slug: String!) {\n    markFaqSeen(slug: $slug) {\n      id\n      faqUnseenChanges\n      faqLastSeenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityFaq($slug: String!) {\n    community(slug: $slug) {\n      id\n      faq(first: 100) {\n        edges {\n          node {\n            id\n            question\n            answerHtml\n            status\n            version\n            tags\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommunityFaq($slug: String!) {\n    community(slug: $slug) {\n      id\n      faq(first: 100) {\n        edges {\n          node {\n            id\n            question\n            answerHtml\n            status\n            version\n            tags\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityFaqViewer($slug: String!) {\n    community(slug: $slug) {\n      id\n      viewerCanEditFaq\n      faqUnseenChanges\n      faqLastSeenAt\n    }\n  }\n"): (typeof documents)["\n  query CommunityFaqViewer($slug: String!) {\n    community(slug: $slug) {\n      id\n      viewerCanEditFaq\n      faqUnseenChanges\n      faqLastSeenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinCommunity($slug: String!) {\n    joinCommunity(slug: $slug) {\n      id\n      viewerIsMember\n      memberCount\n    }\n  }\n"): (typeof documents)["\n  mutation JoinCommunity($slug: String!) {\n    joinCommunity(slug: $slug) {\n      id\n      viewerIsMember\n      memberCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveCommunity($slug: String!) {\n    leaveCommunity(slug: $slug) {\n      id\n      viewerIsMember\n      memberCount\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveCommunity($slug: String!) {\n    leaveCommunity(slug: $slug) {\n      id\n      viewerIsMember\n      memberCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishFaqEntry($input: PublishFaqEntryInput!) {\n    publishFaqEntry(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PublishFaqEntry($input: PublishFaqEntryInput!) {\n    publishFaqEntry(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityThreads($slug: String!, $first: Int, $after: String, $sort: ThreadSort, $filter: ThreadFilter) {\n    community(slug: $slug) {\n      id\n      threads(first: $first, after: $after, sort: $sort, filter: $filter) {\n        edges {\n          node {\n            ...ThreadSummary\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommunityThreads($slug: String!, $first: Int, $after: String, $sort: ThreadSort, $filter: ThreadFilter) {\n    community(slug: $slug) {\n      id\n      threads(first: $first, after: $after, sort: $sort, filter: $filter) {\n        edges {\n          node {\n            ...ThreadSummary\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CommunityEvents($slug: String!) {\n    communityEvents(slug: $slug) {\n      kind\n      thread {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CommunityEvents($slug: String!) {\n    communityEvents(slug: $slug) {\n      kind\n      thread {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFaqEntry($id: ID!, $input: UpdateFaqEntryInput!) {\n    updateFaqEntry(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFaqEntry($id: ID!, $input: UpdateFaqEntryInput!) {\n    updateFaqEntry(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishFaqDraft($id: ID!) {\n    publishFaqDraft(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PublishFaqDraft($id: ID!) {\n    publishFaqDraft(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawFaqEntry($id: ID!, $reason: String!) {\n    withdrawFaqEntry(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawFaqEntry($id: ID!, $reason: String!) {\n    withdrawFaqEntry(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaqEntry($id: ID!) {\n    faqEntry(id: $id) {\n      id\n      question\n      answer\n      answerHtml\n      status\n      viewerCanEdit\n      version\n      tags\n      references\n      inForce\n      validFrom\n      validUntil\n      publishedAt\n      updatedAt\n      withdrawalReason\n      community {\n        slug\n        name\n      }\n      sourcePost {\n        id\n        thread {\n          id\n          title\n        }\n      }\n      revisions {\n        version\n        changeNote\n        createdAt\n        editor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FaqEntry($id: ID!) {\n    faqEntry(id: $id) {\n      id\n      question\n      answer\n      answerHtml\n      status\n      viewerCanEdit\n      version\n      tags\n      references\n      inForce\n      validFrom\n      validUntil\n      publishedAt\n      updatedAt\n      withdrawalReason\n      community {\n        slug\n        name\n      }\n      sourcePost {\n        id\n        thread {\n          id\n          title\n        }\n      }\n      revisions {\n        version\n        changeNote\n        createdAt\n        editor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaqDiff($id: ID!, $from: Int!, $to: Int!) {\n    faqEntry(id: $id) {\n      id\n      diff(fromVersion: $from, toVersion: $to)\n    }\n  }\n"): (typeof documents)["\n  query FaqDiff($id: ID!, $from: Int!, $to: Int!) {\n    faqEntry(id: $id) {\n      id\n      diff(fromVersion: $from, toVersion: $to)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomePage {\n    myCommunities {\n      ...CommunityCard\n    }\n    communities(first: 100) {\n      edges {\n        node {\n          ...CommunityCard\n        }\n      }\n    }\n  }\n\n  fragment CommunityCard on Community {\n    id\n    slug\n    name\n    description\n    memberCount\n  }\n"): (typeof documents)["\n  query HomePage {\n    myCommunities {\n      ...CommunityCard\n    }\n    communities(first: 100) {\n      edges {\n        node {\n          ...CommunityCard\n        }\n      }\n    }\n  }\n\n  fragment CommunityCard on Community {\n    id\n    slug\n    name\n    description\n    memberCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeFeed($first: Int, $after: String) {\n    homeFeed(first: $first, after: $after) {\n      edges {\n        node {\n          ...ThreadSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query HomeFeed($first: Int, $after: String) {\n    homeFeed(first: $first, after: $after) {\n      edges {\n        node {\n          ...ThreadSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnansweredQuestions {\n    communities(first: 25) {\n      edges {\n        node {\n          id\n          viewerIsMember\n          threads(first: 3, sort: LATEST, filter: { kind: QUESTION, unanswered: true }) {\n            edges {\n              node {\n                ...ThreadSummary\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnansweredQuestions {\n    communities(first: 25) {\n      edges {\n        node {\n          id\n          viewerIsMember\n          threads(first: 3, sort: LATEST, filter: { kind: QUESTION, unanswered: true }) {\n            edges {\n              node {\n                ...ThreadSummary\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberStanding($id: ID!) {\n    user(id: $id) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n"): (typeof documents)["\n  query MemberStanding($id: ID!) {\n    user(id: $id) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendUser($userId: ID!, $until: DateTime!, $reason: String!) {\n    suspendUser(userId: $userId, until: $until, reason: $reason) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendUser($userId: ID!, $until: DateTime!, $reason: String!) {\n    suspendUser(userId: $userId, until: $until, reason: $reason) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiftSuspension($userId: ID!, $reason: String) {\n    liftSuspension(userId: $userId, reason: $reason) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n"): (typeof documents)["\n  mutation LiftSuspension($userId: ID!, $reason: String) {\n    liftSuspension(userId: $userId, reason: $reason) {\n      id\n      suspendedUntil\n      suspensionReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationLog($communitySlug: String) {\n    moderationLog(communitySlug: $communitySlug, first: 50) {\n      nodes {\n        id\n        kind\n        reason\n        createdAt\n        community {\n          name\n        }\n        moderator {\n          displayName\n        }\n        targetUser {\n          displayName\n        }\n        targetThread {\n          id\n          title\n        }\n        targetPost {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModerationLog($communitySlug: String) {\n    moderationLog(communitySlug: $communitySlug, first: 50) {\n      nodes {\n        id\n        kind\n        reason\n        createdAt\n        community {\n          name\n        }\n        moderator {\n          displayName\n        }\n        targetUser {\n          displayName\n        }\n        targetThread {\n          id\n          title\n        }\n        targetPost {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($communitySlug: String) {\n    reviewQueue(communitySlug: $communitySlug, first: 50) {\n      nodes {\n        ...ReviewItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue($communitySlug: String) {\n    reviewQueue(communitySlug: $communitySlug, first: 50) {\n      nodes {\n        ...ReviewItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReviewQueueEvents($communitySlug: String) {\n    reviewQueueEvents(communitySlug: $communitySlug) {\n      item {\n        id\n        resolved\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ReviewQueueEvents($communitySlug: String) {\n    reviewQueueEvents(communitySlug: $communitySlug) {\n      item {\n        id\n        resolved\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewItemFields on ReviewItem {\n    id\n    kind\n    createdAt\n    reportCount\n    reasons\n    flaggedWords\n    community {\n      slug\n      name\n    }\n    user {\n      id\n      displayName\n      role\n      email\n      suspendedUntil\n      suspensionReason\n      comune {\n        name\n        provinceCode\n      }\n    }\n    thread {\n      id\n      title\n    }\n    post {\n      id\n      bodyHtml\n      moderationStatus\n    }\n    reports {\n      reason\n      note\n      createdAt\n      reporter {\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewItemFields on ReviewItem {\n    id\n    kind\n    createdAt\n    reportCount\n    reasons\n    flaggedWords\n    community {\n      slug\n      name\n    }\n    user {\n      id\n      displayName\n      role\n      email\n      suspendedUntil\n      suspensionReason\n      comune {\n        name\n        provinceCode\n      }\n    }\n    thread {\n      id\n      title\n    }\n    post {\n      id\n      bodyHtml\n      moderationStatus\n    }\n    reports {\n      reason\n      note\n      createdAt\n      reporter {\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveReviewItem($id: ID!, $action: ReviewAction!, $reason: String) {\n    resolveReviewItem(id: $id, action: $action, reason: $reason) {\n      id\n      resolved\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveReviewItem($id: ID!, $action: ReviewAction!, $reason: String) {\n    resolveReviewItem(id: $id, action: $action, reason: $reason) {\n      id\n      resolved\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModeratedCommunities {\n    communities(first: 100) {\n      nodes {\n        id\n        slug\n        name\n        viewerIsModerator\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModeratedCommunities {\n    communities(first: 100) {\n      nodes {\n        id\n        slug\n        name\n        viewerIsModerator\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          read\n          createdAt\n          actor {\n            id\n            displayName\n          }\n          thread {\n            id\n            title\n          }\n          count\n          post {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          read\n          createdAt\n          actor {\n            id\n            displayName\n          }\n          thread {\n            id\n            title\n          }\n          count\n          post {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationArrived {\n    notificationReceived {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationArrived {\n    notificationReceived {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCommunityLevels {\n    myCommunities {\n      id\n      slug\n      name\n      viewerNotificationLevel\n    }\n  }\n"): (typeof documents)["\n  query MyCommunityLevels {\n    myCommunities {\n      id\n      slug\n      name\n      viewerNotificationLevel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...Viewer\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...Viewer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile {\n    me {\n      id\n      displayName\n      email\n      jobTitle\n      role\n      createdAt\n      comune {\n        istatCode\n        name\n        province\n        provinceCode\n        region\n        population\n        isPiccolo\n      }\n    }\n  }\n"): (typeof documents)["\n  query Profile {\n    me {\n      id\n      displayName\n      email\n      jobTitle\n      role\n      createdAt\n      comune {\n        istatCode\n        name\n        province\n        provinceCode\n        region\n        population\n        isPiccolo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $communitySlug: String, $first: Int, $filter: SearchFilter) {\n    search(query: $query, communitySlug: $communitySlug, first: $first, filter: $filter) {\n      edges {\n        node {\n          titleHtml\n          snippetHtml\n          thread {\n            id\n            kind\n            isAnswered\n            community {\n              slug\n              name\n            }\n          }\n          post {\n            id\n          }\n          faqEntry {\n            id\n            status\n            community {\n              slug\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $communitySlug: String, $first: Int, $filter: SearchFilter) {\n    search(query: $query, communitySlug: $communitySlug, first: $first, filter: $filter) {\n      edges {\n        node {\n          titleHtml\n          snippetHtml\n          thread {\n            id\n            kind\n            isAnswered\n            community {\n              slug\n              name\n            }\n          }\n          post {\n            id\n          }\n          faqEntry {\n            id\n            status\n            community {\n              slug\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchCommunities {\n    communities(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchCommunities {\n    communities(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BookmarkThread($threadId: ID!) {\n    bookmark(threadId: $threadId) {\n      id\n      thread {\n        id\n        viewerHasBookmarked\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BookmarkThread($threadId: ID!) {\n    bookmark(threadId: $threadId) {\n      id\n      thread {\n        id\n        viewerHasBookmarked\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveThreadBookmark($threadId: ID!) {\n    removeBookmark(threadId: $threadId)\n  }\n"): (typeof documents)["\n  mutation RemoveThreadBookmark($threadId: ID!) {\n    removeBookmark(threadId: $threadId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HidePost($id: ID!, $reason: String!) {\n    hidePost(id: $id, reason: $reason) {\n      id\n      moderationStatus\n    }\n  }\n"): (typeof documents)["\n  mutation HidePost($id: ID!, $reason: String!) {\n    hidePost(id: $id, reason: $reason) {\n      id\n      moderationStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestorePost($id: ID!, $reason: String!) {\n    restorePost(id: $id, reason: $reason) {\n      id\n      moderationStatus\n    }\n  }\n"): (typeof documents)["\n  mutation RestorePost($id: ID!, $reason: String!) {\n    restorePost(id: $id, reason: $reason) {\n      id\n      moderationStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveThread($id: ID!, $communitySlug: String!, $reason: String!) {\n    moveThread(id: $id, communitySlug: $communitySlug, reason: $reason) {\n      id\n      community {\n        id\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveThread($id: ID!, $communitySlug: String!, $reason: String!) {\n    moveThread(id: $id, communitySlug: $communitySlug, reason: $reason) {\n      id\n      community {\n        id\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostFields on Post {\n    id\n    body\n    bodyHtml\n    createdAt\n    editedAt\n    score\n    isAccepted\n    isOfficial\n    isDeleted\n    moderationStatus\n    promotedToFaq {\n      id\n      question\n      status\n    }\n    author {\n      id\n      displayName\n      jobTitle\n      role\n      comune {\n        name\n        provinceCode\n        isPiccolo\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PostFields on Post {\n    id\n    body\n    bodyHtml\n    createdAt\n    editedAt\n    score\n    isAccepted\n    isOfficial\n    isDeleted\n    moderationStatus\n    promotedToFaq {\n      id\n      question\n      status\n    }\n    author {\n      id\n      displayName\n      jobTitle\n      role\n      comune {\n        name\n        provinceCode\n        isPiccolo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostViewerFields on Post {\n    id\n    viewerVote\n    viewerCanEdit\n    moderationReason\n  }\n"): (typeof documents)["\n  fragment PostViewerFields on Post {\n    id\n    viewerVote\n    viewerCanEdit\n    moderationReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditPost($id: ID!, $body: String!) {\n    editPost(id: $id, body: $body) {\n      ...PostFields\n    }\n  }\n"): (typeof documents)["\n  mutation EditPost($id: ID!, $body: String!) {\n    editPost(id: $id, body: $body) {\n      ...PostFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePost($id: ID!) {\n    deletePost(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeletePost($id: ID!) {\n    deletePost(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptAnswer($postId: ID!) {\n    acceptAnswer(postId: $postId) {\n      id\n      isAnswered\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptAnswer($postId: ID!) {\n    acceptAnswer(postId: $postId) {\n      id\n      isAnswered\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkOfficialAnswer($postId: ID!) {\n    markOfficialAnswer(postId: $postId) {\n      id\n      isOfficial\n    }\n  }\n"): (typeof documents)["\n  mutation MarkOfficialAnswer($postId: ID!) {\n    markOfficialAnswer(postId: $postId) {\n      id\n      isOfficial\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromotePostToFaq($postId: ID!, $question: String!) {\n    promotePostToFaq(postId: $postId, question: $question, publish: false) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PromotePostToFaq($postId: ID!, $question: String!) {\n    promotePostToFaq(postId: $postId, question: $question, publish: false) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadReplies($id: ID!, $first: Int, $after: String, $sort: PostSort) {\n    thread(id: $id) {\n      id\n      posts(first: $first, after: $after, sort: $sort) {\n        edges {\n          node {\n            ...PostFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadReplies($id: ID!, $first: Int, $after: String, $sort: PostSort) {\n    thread(id: $id) {\n      id\n      posts(first: $first, after: $after, sort: $sort) {\n        edges {\n          node {\n            ...PostFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadRepliesViewer($id: ID!, $first: Int, $after: String, $sort: PostSort) {\n    thread(id: $id) {\n      id\n      posts(first: $first, after: $after, sort: $sort) {\n        edges {\n          node {\n            ...PostViewerFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadRepliesViewer($id: ID!, $first: Int, $after: String, $sort: PostSort) {\n    thread(id: $id) {\n      id\n      posts(first: $first, after: $after, sort: $sort) {\n        edges {\n          node {\n            ...PostViewerFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportPost($postId: ID!, $reason: ReportReason!, $note: String) {\n    reportPost(postId: $postId, reason: $reason, note: $note)\n  }\n"): (typeof documents)["\n  mutation ReportPost($postId: ID!, $reason: ReportReason!, $note: String) {\n    reportPost(postId: $postId, reason: $reason, note: $note)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostRevisions($id: ID!) {\n    post(id: $id) {\n      id\n      revisions {\n        version\n        body\n        editedAt\n        editor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PostRevisions($id: ID!) {\n    post(id: $id) {\n      id\n      revisions {\n        version\n        body\n        editedAt\n        editor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockThread($id: ID!, $locked: Boolean!, $reason: String) {\n    lockThread(id: $id, locked: $locked, reason: $reason) {\n      id\n      locked\n    }\n  }\n"): (typeof documents)["\n  mutation LockThread($id: ID!, $locked: Boolean!, $reason: String) {\n    lockThread(id: $id, locked: $locked, reason: $reason) {\n      id\n      locked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PinThread($id: ID!, $pinned: Boolean!, $reason: String) {\n    pinThread(id: $id, pinned: $pinned, reason: $reason) {\n      id\n      pinned\n    }\n  }\n"): (typeof documents)["\n  mutation PinThread($id: ID!, $pinned: Boolean!, $reason: String) {\n    pinThread(id: $id, pinned: $pinned, reason: $reason) {\n      id\n      pinned\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseThreadAsDuplicate($id: ID!, $threadId: ID, $faqEntryId: ID, $reason: String) {\n    closeThreadAsDuplicate(id: $id, duplicateOfThreadId: $threadId, duplicateOfFaqEntryId: $faqEntryId, reason: $reason) {\n      id\n      closedAsDuplicate\n    }\n  }\n"): (typeof documents)["\n  mutation CloseThreadAsDuplicate($id: ID!, $threadId: ID, $faqEntryId: ID, $reason: String) {\n    closeThreadAsDuplicate(id: $id, duplicateOfThreadId: $threadId, duplicateOfFaqEntryId: $faqEntryId, reason: $reason) {\n      id\n      closedAsDuplicate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenThread($id: ID!, $reason: String) {\n    reopenThread(id: $id, reason: $reason) {\n      id\n      closedAsDuplicate\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenThread($id: ID!, $reason: String) {\n    reopenThread(id: $id, reason: $reason) {\n      id\n      closedAsDuplicate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetThreadNotificationLevel($threadId: ID!, $level: NotificationLevel!) {\n    setThreadNotificationLevel(threadId: $threadId, level: $level) {\n      id\n      viewerNotificationLevel\n    }\n  }\n"): (typeof documents)["\n  mutation SetThreadNotificationLevel($threadId: ID!, $level: NotificationLevel!) {\n    setThreadNotificationLevel(threadId: $threadId, level: $level) {\n      id\n      viewerNotificationLevel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Thread($id: ID!) {\n    thread(id: $id) {\n      id\n      kind\n      title\n      tags\n      createdAt\n      replyCount\n      isAnswered\n      locked\n      pinned\n      closedAsDuplicate\n      duplicateOf {\n        id\n        title\n      }\n      duplicateOfFaqEntry {\n        id\n        question\n      }\n      community {\n        id\n        slug\n        name\n      }\n      author {\n        id\n      }\n      firstPost {\n        ...PostFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Thread($id: ID!) {\n    thread(id: $id) {\n      id\n      kind\n      title\n      tags\n      createdAt\n      replyCount\n      isAnswered\n      locked\n      pinned\n      closedAsDuplicate\n      duplicateOf {\n        id\n        title\n      }\n      duplicateOfFaqEntry {\n        id\n        question\n      }\n      community {\n        id\n        slug\n        name\n      }\n      author {\n        id\n      }\n      firstPost {\n        ...PostFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadViewer($id: ID!) {\n    thread(id: $id) {\n      id\n      viewerHasBookmarked\n      viewerNotificationLevel\n      community {\n        id\n        viewerIsModerator\n        viewerCanEditFaq\n      }\n      firstPost {\n        ...PostViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadViewer($id: ID!) {\n    thread(id: $id) {\n      id\n      viewerHasBookmarked\n      viewerNotificationLevel\n      community {\n        id\n        viewerIsModerator\n        viewerCanEditFaq\n      }\n      firstPost {\n        ...PostViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ThreadEvents($threadId: ID!) {\n    threadEvents(threadId: $threadId) {\n      kind\n      post {\n        id\n        author {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ThreadEvents($threadId: ID!) {\n    threadEvents(threadId: $threadId) {\n      kind\n      post {\n        id\n        author {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Vote($postId: ID!, $value: Int!) {\n    vote(postId: $postId, value: $value) {\n      id\n      score\n      viewerVote\n    }\n  }\n"): (typeof documents)["\n  mutation Vote($postId: ID!, $value: Int!) {\n    vote(postId: $postId, value: $value) {\n      id\n      score\n      viewerVote\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;